package dev.rapport.meetings.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.meetings.contacts.ContactReferences;
import dev.rapport.meetings.events.MeetingCancelled;
import dev.rapport.meetings.events.MeetingHeld;
import dev.rapport.meetings.events.MeetingScheduled;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The rules of one-to-one meetings; every change publishes its event in the same transaction. */
@ApplicationScoped
public class MeetingService {

    private final MeetingRepository meetings;
    private final ContactReferences contacts;
    private final Outbox outbox;
    private final Clock clock;

    MeetingService(MeetingRepository meetings, ContactReferences contacts, Outbox outbox, Clock clock) {
        this.meetings = meetings;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A meeting and its version, which the resource turns into an ETag. */
    public record Versioned(MeetingResponse meeting, long version) {
    }

    @Transactional
    public Versioned schedule(UUID ownerId, ScheduleMeetingRequest request) {
        contacts.requireKnown(ownerId, request.contactId());
        if (request.stage() == MeetingStage.REFERRAL_FIT && !meetings.discoveryAgreed(ownerId, request.contactId())) {
            throw ProblemException.unprocessable("discovery-required", "A REFERRAL_FIT meeting needs a held DISCOVERY "
                    + "meeting with this contact where both agreed to follow up");
        }
        Instant now = now();
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.ownerId = ownerId;
        meeting.contactId = request.contactId();
        meeting.stage = request.stage();
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.scheduledFor = micros(request.scheduledFor());
        meeting.location = request.location();
        meeting.agenda = request.agenda();
        meeting.createdAt = now;
        meeting.updatedAt = now;
        meetings.persistAndFlush(meeting);
        outbox.publish(ownerId, new MeetingScheduled(meeting.id, meeting.contactId, meeting.stage.name(),
                meeting.scheduledFor, meeting.createdAt));
        return versioned(meeting);
    }

    @Transactional
    public Versioned hold(UUID ownerId, UUID id, String ifMatch, MeetingHeldRequest request) {
        Meeting meeting = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, meeting.version);
        Instant now = now();
        if (request.heldAt().isAfter(now)) {
            throw ProblemException.invalid("heldAt", "must not be in the future");
        }
        move(meeting, MeetingStatus.HELD, now);
        meeting.heldAt = micros(request.heldAt());
        meeting.notes = request.notes();
        meeting.askedWhoTheyKnow = Boolean.TRUE.equals(request.askedWhoTheyKnow());
        meeting.bothAgreedToFollowUp = Boolean.TRUE.equals(request.bothAgreedToFollowUp());
        meeting.commonGround = request.commonGround();
        meeting.namesGiven = request.namesGiven() == null ? List.of() : List.copyOf(request.namesGiven());
        meeting.reservationsShared = request.reservationsShared() == null ? List.of() : List.copyOf(request.reservationsShared());
        meetings.flush();
        outbox.publish(ownerId, new MeetingHeld(meeting.id, meeting.contactId, meeting.stage.name(), meeting.heldAt,
                meeting.askedWhoTheyKnow, meeting.bothAgreedToFollowUp, meeting.commonGround, meeting.namesGiven,
                meeting.reservationsShared));
        return versioned(meeting);
    }

    @Transactional
    public Versioned cancel(UUID ownerId, UUID id, String ifMatch) {
        Meeting meeting = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, meeting.version);
        Instant now = now();
        move(meeting, MeetingStatus.CANCELLED, now);
        meeting.cancelledAt = now;
        meetings.flush();
        outbox.publish(ownerId, new MeetingCancelled(meeting.id, meeting.contactId, meeting.stage.name(), meeting.cancelledAt));
        return versioned(meeting);
    }

    @Transactional
    public Versioned get(UUID ownerId, UUID id) {
        return versioned(owned(ownerId, id));
    }

    @Transactional
    public Page<MeetingResponse> list(UUID ownerId, PageRequest page, UUID contactId, MeetingStatus status) {
        return Page.of(meetings.page(ownerId, page, contactId, status), page, m -> new Cursor(m.createdAt, m.id),
                MeetingResponse::of);
    }

    private static void move(Meeting meeting, MeetingStatus next, Instant now) {
        if (!meeting.status.canMoveTo(next)) {
            throw ProblemException.conflict("invalid-transition",
                    "A " + meeting.status + " meeting cannot become " + next + "; only a SCHEDULED one can");
        }
        meeting.status = next;
        meeting.updatedAt = now;
    }

    private Meeting owned(UUID ownerId, UUID id) {
        return meetings.findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound("meeting", id));
    }

    private static Versioned versioned(Meeting meeting) {
        return new Versioned(MeetingResponse.of(meeting), meeting.version);
    }

    private Instant now() {
        return micros(clock.instant());
    }

    /** PostgreSQL keeps microseconds; truncating here makes the answer equal what is stored. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
