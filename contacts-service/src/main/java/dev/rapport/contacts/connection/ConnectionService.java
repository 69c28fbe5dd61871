package dev.rapport.contacts.connection;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.contacts.contact.ContactRepository;
import dev.rapport.contacts.events.ContactConnected;
import dev.rapport.contacts.events.ContactDisconnected;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Who knows whom among the owner's contacts: connects and disconnects two of them, each change
 * publishing its event in the same transaction. A connection is undirected and unique per pair.
 */
@ApplicationScoped
public class ConnectionService {

    public static final int NOTE_MAX = 200;
    /** The problem type of connecting two contacts that already are. */
    public static final String ALREADY_CONNECTED = "already-connected";
    /** The problem type of connecting a contact to itself. */
    public static final String SELF_CONNECTION = "self-connection";
    /** The problem type of naming, in a body, a contact the owner does not have. */
    public static final String UNKNOWN_CONTACT = "unknown-contact";

    private final ConnectionRepository connections;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final Clock clock;

    ConnectionService(ConnectionRepository connections, ContactRepository contacts, Outbox outbox, Clock clock) {
        this.connections = connections;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Connects two of the owner's contacts and publishes rapport.contact.connected.v1; answers the
     * connection seen from {@code contactId}. An INTRODUCTION between contacts already connected
     * leaves the connection as it is (no error, no event): a meeting may repeat what is known. A
     * MANUAL one is refused with a 409 naming the existing connection.
     *
     * @throws ProblemException 404 if {@code contactId} is not the owner's; 422 if
     *         {@code otherContactId} is not the owner's or is {@code contactId}; 400 if the note
     *         is over {@value #NOTE_MAX} characters
     */
    @Transactional
    public Connection connect(UUID ownerId, UUID contactId, UUID otherContactId, String note, ConnectionOrigin origin) {
        List<UUID> owned = connections.lockOwnedContacts(ownerId, contactId, otherContactId);
        if (!owned.contains(contactId)) {
            throw ContactRepository.notFound(contactId);
        }
        if (contactId.equals(otherContactId)) {
            throw new ProblemException(Problem.of(SELF_CONNECTION, "Unprocessable request", 422,
                    "A contact cannot be connected to itself").withError("contactId", "must be another contact"));
        }
        if (!owned.contains(otherContactId)) {
            throw new ProblemException(Problem.of(UNKNOWN_CONTACT, "Unknown contact", 422,
                    "No contact " + otherContactId + " in the caller's network")
                    .withError("contactId", "is not a contact in the caller's network"));
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
            throw ProblemException.invalid("note", "size must be between 0 and " + NOTE_MAX);
        }
        Instant now = now();
        if (connections.insertIfAbsent(ownerId, contactId, otherContactId, cleanNote, origin, now)) {
            outbox.publish(ownerId, new ContactConnected(contactId, otherContactId, cleanNote, origin.name(), now));
            Log.debugf("Contacts %s and %s connected (%s)", contactId, otherContactId, origin);
            return connections.find(ownerId, contactId, otherContactId).orElseThrow();
        }
        Connection existing = connections.find(ownerId, contactId, otherContactId).orElseThrow();
        if (origin == ConnectionOrigin.MANUAL) {
            throw ProblemException.conflict(ALREADY_CONNECTED, "Contacts " + contactId + " and " + otherContactId
                    + " are already connected (" + existing.origin() + ", since " + existing.createdAt()
                    + "): /contacts/" + contactId + "/connections/" + otherContactId);
        }
        return existing;
    }

    @Transactional
    public Page<Connection> list(UUID ownerId, UUID contactId, PageRequest page) {
        contacts.requireOwned(ownerId, contactId);
        return Page.of(connections.page(ownerId, contactId, page), page, c -> new Cursor(c.createdAt(), c.contactId()), c -> c);
    }

    /** Removes the connection between the two contacts and publishes rapport.contact.disconnected.v1. */
    @Transactional
    public void disconnect(UUID ownerId, UUID contactId, UUID otherContactId) {
        contacts.requireOwned(ownerId, contactId);
        if (!connections.delete(ownerId, contactId, otherContactId)) {
            throw new ProblemException("not-found", "Not found", 404,
                    "Contact " + contactId + " has no connection to contact " + otherContactId);
        }
        outbox.publish(ownerId, new ContactDisconnected(contactId, otherContactId, now()));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the answer equal what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
