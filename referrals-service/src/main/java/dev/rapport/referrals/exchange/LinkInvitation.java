package dev.rapport.referrals.exchange;

import java.time.Instant;
import java.util.UUID;

/** An invitation to link, as stored: its code is not (only the code's hash). */
record LinkInvitation(UUID id, UUID ownerId, UUID partnerId, Instant createdAt, Instant expiresAt, Instant acceptedAt) {
}
