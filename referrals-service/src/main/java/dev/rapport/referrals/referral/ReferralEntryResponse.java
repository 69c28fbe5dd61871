package dev.rapport.referrals.referral;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a referral's history. */
@Schema(name = "ReferralEntry", description = "One immutable entry of the ledger")
public record ReferralEntryResponse(
        @Schema(description = "1 for the first entry (OPEN), then one more for each", examples = "3") int seq,
        EntryKind kind,
        @Schema(description = "The referral's status once this entry applies", examples = "WON") ReferralStatus status,
        @Schema(description = "A WON entry's value; a reversal of one carries it negated") Money value,
        @Schema(description = "When it happened") Instant at,
        @Schema(description = "When it was recorded") Instant recordedAt,
        @Schema(description = "Who recorded it (the token subject)") UUID authorId,
        @Schema(description = "For a reversal, the seq of the entry it undoes", examples = "3") Integer reversesSeq,
        @Schema(description = "Private note; gone once the referred person or the partner was erased") String note) {
}
