package dev.rapport.referrals.exchange;

import java.time.Instant;
import java.util.UUID;

/** One side of a link: the owner's contact for the other member, and that member. */
record MemberLink(UUID id, UUID ownerId, UUID partnerId, UUID peerOwnerId, Instant linkedAt) {
}
