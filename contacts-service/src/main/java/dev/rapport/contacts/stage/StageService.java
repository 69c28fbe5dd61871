package dev.rapport.contacts.stage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.rapport.contacts.contact.Contact;
import dev.rapport.contacts.contact.ContactRepository;
import dev.rapport.contacts.contact.ContactResponse;
import dev.rapport.contacts.contact.ContactService.Versioned;
import dev.rapport.contacts.events.ContactStageChanged;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Moves contacts between relationship stages: checks the move, records it in the history and
 * publishes rapport.contact.stage-changed.v1, all in one transaction.
 */
@ApplicationScoped
public class StageService {

    private final ContactRepository contacts;
    private final StageChangeRepository changes;
    private final Outbox outbox;
    private final Clock clock;

    StageService(ContactRepository contacts, StageChangeRepository changes, Outbox outbox, Clock clock) {
        this.contacts = contacts;
        this.changes = changes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The one way a contact's stage changes. Rules that need stored state (such as no PARTNER
     * while reservations are open) go here, after the machine's own check.
     */
    @Transactional
    public Versioned move(UUID ownerId, UUID id, String ifMatch, RelationshipStage to, String reason) {
        Contact contact = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, contact.version);
        RelationshipStage from = contact.stage;
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        StageMachine.check(from, to, why);
        Instant now = now();
        contact.stage = to;
        contact.updatedAt = now;
        contacts.flush();
        changes.record(ownerId, id, from, to, why, now);
        outbox.publish(ownerId, new ContactStageChanged(id, from.name(), to.name(), why, now));
        Log.debugf("Contact %s moved from %s to %s", id, from, to);
        return new Versioned(ContactResponse.of(contact), contact.version);
    }

    @Transactional
    public Page<StageChangeResponse> history(UUID ownerId, UUID id, PageRequest page) {
        owned(ownerId, id);
        return Page.of(changes.page(ownerId, id, page), page, c -> new Cursor(c.changedAt, c.id), StageChangeResponse::of);
    }

    private Contact owned(UUID ownerId, UUID id) {
        return contacts.findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes the answer equal what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
