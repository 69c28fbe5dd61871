package dev.rapport.meetings.events;

import dev.rapport.platform.outbox.DomainEvent;

/** What meetings-service publishes about one-to-one meetings on {@code rapport.meetings.v1}. */
public sealed interface MeetingEvent extends DomainEvent permits MeetingScheduled, MeetingRescheduled, MeetingHeld, MeetingCancelled,
        InvitationSent, InvitationAccepted, InvitationDeclined, InvitationExpired {
}
