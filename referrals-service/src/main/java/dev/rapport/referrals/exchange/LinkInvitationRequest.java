package dev.rapport.referrals.exchange;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

@Schema(name = "LinkInvitationRequest", description = "An invitation to link with the member of Rapport behind one of the caller's contacts")
public record LinkInvitationRequest(
        @NotNull @Schema(description = "The caller's contact for the member invited") UUID partnerId) {
}
