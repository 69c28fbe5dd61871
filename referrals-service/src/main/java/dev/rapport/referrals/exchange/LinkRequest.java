package dev.rapport.referrals.exchange;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "LinkRequest", description = "Accepting an invitation to link: its code, and the caller's contact for the member who sent it")
public record LinkRequest(
        @NotNull @Pattern(regexp = LinkCode.PATTERN, message = "must be an invitation code such as K7QD-M2XA-PW4N-TZ6B")
        @Schema(description = "The invitation's code, as the inviting member gave it", examples = "K7QD-M2XA-PW4N-TZ6B",
                pattern = LinkCode.PATTERN) String code,
        @NotNull @Schema(description = "The caller's contact for the member who sent the code") UUID partnerId) {
}
