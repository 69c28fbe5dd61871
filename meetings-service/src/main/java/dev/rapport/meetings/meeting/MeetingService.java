package dev.rapport.meetings.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.rapport.meetings.contacts.ContactReferences;
import dev.rapport.meetings.events.InvitationAccepted;
import dev.rapport.meetings.events.InvitationDeclined;
import dev.rapport.meetings.events.InvitationExpired;
import dev.rapport.meetings.events.InvitationSent;
import dev.rapport.meetings.events.MeetingCancelled;
import dev.rapport.meetings.events.MeetingEvent;
import dev.rapport.meetings.events.MeetingHeld;
import dev.rapport.meetings.events.MeetingRescheduled;
import dev.rapport.meetings.events.MeetingScheduled;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.state.Transitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The rules of one-to-one meetings, from the invitation to the meeting held. Every move is
 * checked by {@link MeetingStatus}, honours If-Match, is kept in the meeting's history and
 * publishes its event in the same transaction.
 */
@ApplicationScoped
public class MeetingService {

    static final String INVALID_TRANSITION = "invalid-transition";

    private final MeetingRepository meetings;
    private final MeetingChangeRepository changes;
    private final ContactReferences contacts;
    private final Outbox outbox;
    private final Clock clock;

    MeetingService(MeetingRepository meetings, MeetingChangeRepository changes, ContactReferences contacts, Outbox outbox, Clock clock) {
        this.meetings = meetings;
        this.changes = changes;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A meeting and its version, which the resource turns into an ETag. */
    public record Versioned(MeetingResponse meeting, long version) {
    }

    /** Sends an invitation (INVITED) or records a meeting agreed already (SCHEDULED). */
    @Transactional
    public Versioned arrange(UUID ownerId, ScheduleMeetingRequest request) {
        MeetingStatus startsAs = request.startsAs();
        if (startsAs != MeetingStatus.INVITED && startsAs != MeetingStatus.SCHEDULED) {
            throw ProblemException.invalid("status", "must be INVITED or SCHEDULED");
        }
        contacts.requireKnown(ownerId, request.contactId());
        checkTwoStageRule(ownerId, request);
        Instant now = now();
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.ownerId = ownerId;
        meeting.contactId = request.contactId();
        meeting.stage = request.stage();
        meeting.status = startsAs;
        meeting.scheduledFor = micros(request.scheduledFor());
        meeting.location = request.location();
        meeting.agenda = request.agenda();
        meeting.twoStageOverridden = request.overrides();
        meeting.overrideReason = request.overrides() ? request.overrideReason().strip() : null;
        meeting.invitedAt = startsAs == MeetingStatus.INVITED ? now : null;
        meeting.createdAt = now;
        meeting.updatedAt = now;
        meetings.persistAndFlush(meeting);
        changes.record(meeting, null, now);
        if (startsAs == MeetingStatus.INVITED) {
            outbox.publish(ownerId, new InvitationSent(meeting.id, meeting.contactId, meeting.stage.name(), now));
        } else {
            publishScheduled(meeting);
        }
        return versioned(meeting);
    }

    /**
     * The method's two stages: referral fit is explored only once a discovery meeting was held
     * and both agreed to follow up, unless the owner overrides the rule on record.
     */
    private void checkTwoStageRule(UUID ownerId, ScheduleMeetingRequest request) {
        if (request.overrides()) {
            if (request.stage() != MeetingStage.REFERRAL_FIT) {
                throw ProblemException.invalid("overrideTwoStageRule", "applies to REFERRAL_FIT meetings only");
            }
            if (request.overrideReason() == null || request.overrideReason().isBlank()) {
                throw ProblemException.invalid("overrideReason", "must say why the two-stage rule is overridden");
            }
            return;
        }
        if (request.overrideReason() != null) {
            throw ProblemException.invalid("overrideReason", "is only accepted with overrideTwoStageRule true");
        }
        if (request.stage() == MeetingStage.REFERRAL_FIT && !meetings.discoveryAgreed(ownerId, request.contactId())) {
            throw ProblemException.unprocessable("discovery-required", "A REFERRAL_FIT meeting needs a held DISCOVERY "
                    + "meeting with this contact where both agreed to follow up; set overrideTwoStageRule (with a reason) "
                    + "to arrange it anyway");
        }
    }

    @Transactional
    public Versioned accept(UUID ownerId, UUID id, String ifMatch) {
        return answer(ownerId, id, ifMatch, MeetingStatus.ACCEPTED, InvitationAccepted::new);
    }

    @Transactional
    public Versioned decline(UUID ownerId, UUID id, String ifMatch) {
        return answer(ownerId, id, ifMatch, MeetingStatus.DECLINED, InvitationDeclined::new);
    }

    @Transactional
    public Versioned noResponse(UUID ownerId, UUID id, String ifMatch) {
        return answer(ownerId, id, ifMatch, MeetingStatus.NO_RESPONSE, InvitationExpired::new);
    }

    /** The event an answer to an invitation publishes. */
    private interface InvitationAnswered {
        MeetingEvent of(UUID invitationId, UUID contactId, String stage, Instant at);
    }

    private Versioned answer(UUID ownerId, UUID id, String ifMatch, MeetingStatus answer, InvitationAnswered event) {
        Meeting meeting = owned(ownerId, id, ifMatch);
        Instant now = move(meeting, answer);
        meeting.answeredAt = now;
        outbox.publish(ownerId, event.of(meeting.id, meeting.contactId, meeting.stage.name(), now));
        return versioned(meeting);
    }

    /** Agrees the time of an accepted meeting, or moves a scheduled one to another time. */
    @Transactional
    public Versioned schedule(UUID ownerId, UUID id, String ifMatch, MeetingTimeRequest request) {
        Meeting meeting = owned(ownerId, id, ifMatch);
        MeetingStatus from = meeting.status;
        Instant previous = meeting.scheduledFor;
        Transitions.check(INVALID_TRANSITION, "meeting", from, MeetingStatus.SCHEDULED);
        meeting.scheduledFor = micros(request.scheduledFor());
        if (request.location() != null) {
            meeting.location = request.location();
        }
        Instant now = move(meeting, MeetingStatus.SCHEDULED);
        if (from == MeetingStatus.SCHEDULED) {
            outbox.publish(ownerId, new MeetingRescheduled(meeting.id, meeting.contactId, meeting.stage.name(),
                    meeting.scheduledFor, previous, now));
        } else {
            publishScheduled(meeting);
        }
        return versioned(meeting);
    }

    @Transactional
    public Versioned hold(UUID ownerId, UUID id, String ifMatch, MeetingHeldRequest request) {
        Meeting meeting = owned(ownerId, id, ifMatch);
        if (request.heldAt().isAfter(now())) {
            throw ProblemException.invalid("heldAt", "must not be in the future");
        }
        Transitions.check(INVALID_TRANSITION, "meeting", meeting.status, MeetingStatus.HELD);
        meeting.heldAt = micros(request.heldAt());
        meeting.notes = request.notes();
        meeting.askedWhoTheyKnow = Boolean.TRUE.equals(request.askedWhoTheyKnow());
        meeting.bothAgreedToFollowUp = Boolean.TRUE.equals(request.bothAgreedToFollowUp());
        meeting.commonGround = request.commonGround();
        meeting.namesGiven = request.namesGiven() == null ? List.of() : List.copyOf(request.namesGiven());
        meeting.reservationsShared = request.reservationsShared() == null ? List.of() : List.copyOf(request.reservationsShared());
        move(meeting, MeetingStatus.HELD);
        outbox.publish(ownerId, new MeetingHeld(meeting.id, meeting.contactId, meeting.stage.name(), meeting.heldAt,
                meeting.askedWhoTheyKnow, meeting.bothAgreedToFollowUp, meeting.commonGround, meeting.namesGiven,
                meeting.reservationsShared));
        return versioned(meeting);
    }

    @Transactional
    public Versioned cancel(UUID ownerId, UUID id, String ifMatch) {
        Meeting meeting = owned(ownerId, id, ifMatch);
        Instant now = move(meeting, MeetingStatus.CANCELLED);
        meeting.cancelledAt = now;
        outbox.publish(ownerId, new MeetingCancelled(meeting.id, meeting.contactId, meeting.stage.name(), meeting.cancelledAt));
        return versioned(meeting);
    }

    @Transactional
    public Versioned get(UUID ownerId, UUID id) {
        return versioned(owned(ownerId, id, null));
    }

    @Transactional
    public List<MeetingChangeResponse> history(UUID ownerId, UUID id) {
        Meeting meeting = owned(ownerId, id, null);
        return changes.history(meeting.id).stream().map(MeetingChangeResponse::of).toList();
    }

    @Transactional
    public Page<MeetingResponse> list(UUID ownerId, PageRequest page, UUID contactId, MeetingStatus status) {
        return Page.of(meetings.page(ownerId, page, contactId, status), page, m -> new Cursor(m.createdAt, m.id),
                MeetingResponse::of);
    }

    private void publishScheduled(Meeting meeting) {
        outbox.publish(meeting.ownerId, new MeetingScheduled(meeting.id, meeting.contactId, meeting.stage.name(),
                meeting.scheduledFor, meeting.createdAt));
    }

    /** The one way a meeting's status changes: checked, dated and kept in its history. */
    private Instant move(Meeting meeting, MeetingStatus next) {
        MeetingStatus from = meeting.status;
        Transitions.check(INVALID_TRANSITION, "meeting", from, next);
        Instant now = now();
        meeting.status = next;
        meeting.updatedAt = now;
        changes.record(meeting, from, now);
        return now;
    }

    private Meeting owned(UUID ownerId, UUID id, String ifMatch) {
        Meeting meeting = meetings.findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound("meeting", id));
        ETags.checkIfMatch(ifMatch, meeting.version);
        return meeting;
    }

    /** Flushes first, so that the version answered is the one stored. */
    private Versioned versioned(Meeting meeting) {
        meetings.flush();
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
