package dev.rapport.contacts.provenance;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.contacts.contact.Contact;
import dev.rapport.contacts.contact.ContactSource;

/** One person in a provenance chain and how the owner came to know them. */
@Schema(name = "ProvenanceLink")
public record ProvenanceLink(
        UUID contactId,
        @Schema(examples = "Priya Shah") String name,
        @Schema(description = "How: met at an event, introduced or referred by the previous link, or other") ContactSource source,
        @Schema(description = "The previous link, for INTRODUCED and REFERRED when known") UUID introducedBy,
        UUID metAtEventId,
        @Schema(examples = "Chamber of Commerce breakfast") String metAtEventName) {

    static ProvenanceLink of(Contact contact) {
        return new ProvenanceLink(contact.id, contact.name, contact.source, contact.introducedBy, contact.metAtEventId,
                contact.metAtEventName);
    }
}
