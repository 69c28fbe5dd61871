package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.UUID;

/** The contact declined the invitation. The invitation is the one-to-one: invitationId is its id. */
public record InvitationDeclined(
        UUID invitationId,
        UUID contactId,
        String stage,
        Instant at) implements MeetingEvent {

    public static final String TYPE = "rapport.invitation.declined.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return invitationId;
    }
}
