package dev.rapport.contacts.account;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AccountErasure", description = "An account's erasure: done on contacts-service, under way on the other services")
public record AccountErasureResponse(
        @Schema(description = "The account erased: the user's id") UUID ownerId,
        @Schema(description = "When: the other services skip the account's events from before then") Instant erasedAt,
        @Schema(description = "The id of the rapport.account.erased.v1 event that carries the erasure to the other services")
        UUID eventId) {
}
