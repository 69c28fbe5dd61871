package dev.rapport.meetings.meeting;

import java.util.EnumSet;
import java.util.Set;

import dev.rapport.platform.state.Transitions;

/**
 * Where a one-to-one stands: {@code INVITED → ACCEPTED → SCHEDULED → HELD}, or it ends
 * {@code DECLINED} or {@code NO_RESPONSE} (the invitation) or {@code CANCELLED} (either side,
 * before it was held). A scheduled meeting may be rescheduled (SCHEDULED → SCHEDULED), each
 * time kept in its history. HELD, DECLINED, NO_RESPONSE and CANCELLED are final; a new
 * invitation is a new one-to-one.
 */
public enum MeetingStatus implements Transitions<MeetingStatus> {
    INVITED,
    ACCEPTED,
    SCHEDULED,
    HELD,
    DECLINED,
    NO_RESPONSE,
    CANCELLED;

    @Override
    public Set<MeetingStatus> allowedNext() {
        return switch (this) {
            case INVITED -> EnumSet.of(ACCEPTED, DECLINED, NO_RESPONSE, CANCELLED);
            case ACCEPTED -> EnumSet.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> EnumSet.of(SCHEDULED, HELD, CANCELLED);
            case HELD, DECLINED, NO_RESPONSE, CANCELLED -> EnumSet.noneOf(MeetingStatus.class);
        };
    }

    /** Whether the meeting may still take place. */
    public boolean open() {
        return this == INVITED || this == ACCEPTED || this == SCHEDULED;
    }
}
