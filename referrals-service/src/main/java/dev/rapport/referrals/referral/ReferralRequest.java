package dev.rapport.referrals.referral;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A referral as a client records it. */
@Schema(name = "ReferralRequest", description = "A referral given to, or received from, a partner contact. The referred "
        + "person is one of the caller's contacts (referredContactId) or named (referredName, with optional company, "
        + "email and phone; email or phone only with referredAgreedToContact true).")
public record ReferralRequest(
        @NotNull @Schema(description = "GIVEN: the caller referred someone to the partner; RECEIVED: the partner referred someone to the caller")
        Direction direction,
        @NotNull @Schema(description = "The partner: one of the caller's contacts")
        UUID partnerId,
        @Schema(description = "The referred person, when they are one of the caller's contacts (not the partner)")
        UUID referredContactId,
        @Size(max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        @Schema(description = "The person referred; required unless referredContactId is given (then it defaults to the contact's name)",
                examples = "Jo Patel", maxLength = 200)
        String referredName,
        @Size(max = 200) @Schema(description = "The referred person's company", examples = "Patel Design Studio", maxLength = 200)
        String referredCompany,
        @Size(max = 320) @Email @Schema(description = "The referred person's email; needs referredAgreedToContact", examples = "jo@pateldesign.example", maxLength = 320)
        String referredEmail,
        @Size(max = 50) @Pattern(regexp = "\\+?[0-9 ()./-]{3,50}", message = "must be a phone number")
        @Schema(description = "The referred person's phone; needs referredAgreedToContact", examples = "+44 20 7946 0958", maxLength = 50)
        String referredPhone,
        @Schema(description = "The referred person agreed to be contacted; required true to record their email or phone", examples = "true")
        Boolean referredAgreedToContact,
        @Size(max = 2000) @Schema(description = "What the referred person needs", examples = "Bookkeeping for a new design studio", maxLength = 2000)
        String need,
        @Min(1) @Max(5) @Schema(description = "How warm the introduction is, 1 (a name only) to 5 (expects the call)", examples = "4", minimum = "1", maximum = "5")
        Integer warmth,
        @NotNull @Schema(description = "When the referral was given or received; not in the future", examples = "2026-11-20T09:30:00Z")
        Instant occurredAt,
        @Size(max = 10000) @Schema(description = "Private notes: never published", maxLength = 10000)
        String notes) {
}
