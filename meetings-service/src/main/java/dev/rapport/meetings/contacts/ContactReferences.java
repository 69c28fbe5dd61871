package dev.rapport.meetings.contacts;

import java.util.UUID;

import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks the {@code contactId} a request refers to against the owner's contact replica. */
@ApplicationScoped
public class ContactReferences {

    private final ContactReplicaRepository replica;

    ContactReferences(ContactReplicaRepository replica) {
        this.replica = replica;
    }

    /**
     * Fails with a 422 {@code unknown-contact} problem unless the contact is the owner's and not
     * deleted. Unknown and foreign contacts get the same answer, so nothing leaks.
     */
    public void requireKnown(UUID ownerId, UUID contactId) {
        if (!replica.isKnown(ownerId, contactId)) {
            throw new ProblemException(Problem.of("unknown-contact", "Unknown contact", 422,
                    "No contact " + contactId + " in the caller's network")
                    .withError("contactId", "is not a contact in the caller's network"));
        }
    }

    /** Fails with 404 unless the contact a path names is the owner's and not deleted. */
    public void requireFound(UUID ownerId, UUID contactId) {
        if (!replica.isKnown(ownerId, contactId)) {
            throw ProblemException.notFound("contact", contactId);
        }
    }
}
