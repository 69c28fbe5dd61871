package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** The invitation went unanswered (the owner marked it NO_RESPONSE). The invitation is the one-to-one: invitationId is its id. */
public record InvitationExpired(
        UUID invitationId,
        UUID contactId,
        String stage,
        Instant at) implements MeetingEvent {

    public static final String TYPE = "rapport.invitation.expired.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return invitationId;
    }
}
