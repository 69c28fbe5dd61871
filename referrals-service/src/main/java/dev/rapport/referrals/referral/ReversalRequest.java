package dev.rapport.referrals.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;

/** A correction: undo the referral's latest status entry. */
@Schema(name = "ReversalRequest", description = "Why the latest status is reversed")
public record ReversalRequest(
        @Size(max = 2000) @Schema(description = "Private note on the entry: never published", examples = "Recorded on the wrong referral", maxLength = 2000)
        String note) {
}
