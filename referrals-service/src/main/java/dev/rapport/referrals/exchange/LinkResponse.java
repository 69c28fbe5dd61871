package dev.rapport.referrals.exchange;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Link", description = "A link with another member of Rapport: referrals the caller gives to partnerId are "
        + "shared with them. Nothing else of either member is shared, the other member's identity included")
public record LinkResponse(
        UUID id,
        @Schema(description = "The caller's contact for the linked member") UUID partnerId,
        Instant linkedAt) {

    static LinkResponse of(MemberLink link) {
        return new LinkResponse(link.id(), link.partnerId(), link.linkedAt());
    }
}
