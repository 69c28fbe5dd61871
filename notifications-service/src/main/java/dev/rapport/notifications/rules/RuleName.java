package dev.rapport.notifications.rules;

import java.util.Arrays;
import java.util.Optional;

/** The rules, by the name notifications carry and the key of their settings in the settings document. */
public enum RuleName {
    REFERRAL_UNRETURNED("referral.unreturned", "referralUnreturned"),
    REFERRAL_UNACKNOWLEDGED("referral.unacknowledged", "referralUnacknowledged"),
    REFERRAL_WON("referral.won", "referralWon"),
    RELATIONSHIP_STALLED("relationship.stalled", "relationshipStalled"),
    RELATIONSHIP_DORMANT("relationship.dormant", "relationshipDormant"),
    EVENT_FOLLOW_UP("event.follow-up", "eventFollowUp"),
    MEETING_NO_RESPONSE("meeting.no-response", "meetingNoResponse"),
    MEETING_ASK_WHO_THEY_KNOW("meeting.ask-who-they-know", "meetingAskWhoTheyKnow"),
    RESERVATION_UNRESOLVED("reservation.unresolved", "reservationUnresolved");

    private final String id;
    private final String settingsKey;

    RuleName(String id, String settingsKey) {
        this.id = id;
        this.settingsKey = settingsKey;
    }

    /** As notifications and events carry it, e.g. {@code referral.unreturned}. */
    public String id() {
        return id;
    }

    /** Its member in the settings document, e.g. {@code referralUnreturned}. */
    public String settingsKey() {
        return settingsKey;
    }

    public static Optional<RuleName> of(String id) {
        return Arrays.stream(values()).filter(name -> name.id.equals(id)).findFirst();
    }
}
