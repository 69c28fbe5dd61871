package dev.rapport.contacts.provenance;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the owner came to know a contact: the chain of people from someone they met to the contact. */
@Schema(name = "Provenance")
public record ProvenanceResponse(
        UUID contactId,
        @Schema(description = "From the person the owner met (or whose origin is not known) to the contact itself, which is last")
        List<ProvenanceLink> chain,
        @Schema(description = "The chain in words", examples = "Priya Shah, met at Chamber of Commerce breakfast, introduced me to "
                + "Sam Carter, who referred Lee Park")
        String story) {
}
