package dev.rapport.referrals.exchange;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkInvitation", description = "An invitation to link. Its code is answered once, when it is made: "
        + "only its hash is kept")
public record LinkInvitationResponse(
        UUID id,
        @Schema(description = "The code to give the member invited; present only in the answer that made the invitation",
                examples = "K7QD-M2XA-PW4N-TZ6B") String code,
        @Schema(description = "The caller's contact for the member invited") UUID partnerId,
        Instant createdAt,
        @Schema(description = "The code can be accepted until then") Instant expiresAt,
        @Schema(description = "When the member invited accepted; absent while it waits") Instant acceptedAt) {

    static LinkInvitationResponse of(LinkInvitation invitation, String code) {
        return new LinkInvitationResponse(invitation.id(), code, invitation.partnerId(), invitation.createdAt(),
                invitation.expiresAt(), invitation.acceptedAt());
    }
}
