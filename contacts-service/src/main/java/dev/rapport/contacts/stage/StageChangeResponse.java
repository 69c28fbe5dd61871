package dev.rapport.contacts.stage;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a contact's stage history as the API answers it. */
@Schema(name = "StageChange")
public record StageChangeResponse(
        @Schema(description = "The stage before; absent for the first entry, when the contact was added") RelationshipStage from,
        @Schema(description = "The stage after") RelationshipStage to,
        @Schema(description = "Why, when it was given") String reason,
        @Schema(description = "When the contact moved") Instant at) {

    static StageChangeResponse of(StageChange change) {
        return new StageChangeResponse(change.fromStage, change.toStage, change.reason, change.changedAt);
    }
}
