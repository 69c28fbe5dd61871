package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** An invitation to a one-to-one went out; contacts-service moves a PROSPECT to INVITED. The invitation is the one-to-one: invitationId is its id. */
public record InvitationSent(
        UUID invitationId,
        UUID contactId,
        String stage,
        Instant at) implements MeetingEvent {

    public static final String TYPE = "rapport.invitation.sent.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return invitationId;
    }
}
