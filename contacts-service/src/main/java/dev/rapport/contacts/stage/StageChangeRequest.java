package dev.rapport.contacts.stage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A move of a contact to another relationship stage. */
@Schema(name = "StageChangeRequest", description = "The stage to move the contact to, and why")
public record StageChangeRequest(
        @NotNull @Schema(description = "The new stage; must be one the current stage allows", examples = "INVITED")
        RelationshipStage to,
        @Size(max = 500) @Schema(description = "Why; required to move to CLOSED, optional otherwise",
                examples = "Invited to a one-to-one after the BNI breakfast", maxLength = 500)
        String reason) {
}
