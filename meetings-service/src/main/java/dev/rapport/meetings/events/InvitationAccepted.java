package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** The contact accepted the invitation; a time is still to be agreed. The invitation is the one-to-one: invitationId is its id. */
public record InvitationAccepted(
        UUID invitationId,
        UUID contactId,
        String stage,
        Instant at) implements MeetingEvent {

    public static final String TYPE = "rapport.invitation.accepted.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return invitationId;
    }
}
