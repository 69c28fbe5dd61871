package dev.rapport.meetings.networking;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.meetings.meeting.MeetingStatus;

/** An event's follow-up: everyone met there, and how far the owner got with "a one-to-one with everyone you met". */
@Schema(name = "FollowUpBoard", description = "Everyone met at an event, their follow-up, and the event's completion")
public record FollowUpBoard(
        NetworkingEventResponse event,
        @Schema(description = "People met", examples = "3") int met,
        @Schema(description = "People invited to a one-to-one since the event", examples = "2") int invited,
        @Schema(description = "Invitations accepted (ACCEPTED, SCHEDULED or HELD)", examples = "1") int accepted,
        @Schema(description = "Invitations declined or left unanswered", examples = "1") int declined,
        @Schema(description = "People with a one-to-one held since the event", examples = "1") int held,
        @Schema(description = "held / met: the share of people met with whom a one-to-one was held; 0 when nobody was met",
                examples = "0.3333") double completion,
        List<FollowUp> people) {

    static FollowUpBoard of(NetworkingEventResponse event, List<FollowUp> people) {
        int invited = (int) people.stream().filter(FollowUp::invited).count();
        int accepted = count(people, MeetingStatus.ACCEPTED, MeetingStatus.SCHEDULED, MeetingStatus.HELD);
        int declined = count(people, MeetingStatus.DECLINED, MeetingStatus.NO_RESPONSE);
        int held = (int) people.stream().filter(FollowUp::followedUp).count();
        double completion = people.isEmpty() ? 0 : Math.round(10_000.0 * held / people.size()) / 10_000.0;
        return new FollowUpBoard(event, people.size(), invited, accepted, declined, held, completion, people);
    }

    private static int count(List<FollowUp> people, MeetingStatus... statuses) {
        List<MeetingStatus> wanted = List.of(statuses);
        return (int) people.stream().filter(p -> p.invited() && wanted.contains(p.invitation().status())).count();
    }
}
