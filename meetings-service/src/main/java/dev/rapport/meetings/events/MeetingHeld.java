package dev.rapport.meetings.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.rapport.meetings.meeting.CommonGround;
import dev.rapport.meetings.meeting.NameGiven;
import dev.rapport.meetings.meeting.SharedReservation;

/**
 * A one-to-one meeting took place, with the outcome other services react to: contacts-service
 * adds the names given as contacts and the reservations shared as reservations. Notes stay private.
 */
public record MeetingHeld(
        UUID meetingId,
        UUID contactId,
        String stage,
        Instant heldAt,
        boolean askedWhoTheyKnow,
        boolean bothAgreedToFollowUp,
        CommonGround commonGround,
        List<NameGiven> namesGiven,
        List<SharedReservation> reservationsShared) implements MeetingEvent {

    public static final String TYPE = "rapport.meeting.held.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID subject() {
        return meetingId;
    }
}
