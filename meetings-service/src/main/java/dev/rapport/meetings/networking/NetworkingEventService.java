package dev.rapport.meetings.networking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rapport.meetings.contacts.ContactErasure;
import dev.rapport.meetings.contacts.ContactMetAtEvent;
import dev.rapport.meetings.contacts.ContactReferences;
import dev.rapport.meetings.events.AttendeeAdded;
import dev.rapport.meetings.events.AttendeeRemoved;
import dev.rapport.meetings.events.NetworkingEventCreated;
import dev.rapport.meetings.events.NetworkingEventDeleted;
import dev.rapport.meetings.events.NetworkingEventUpdated;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Networking events, the owner's contacts met there, and their follow-up. Every change publishes its event. */
@ApplicationScoped
public class NetworkingEventService {

    /** "Everyone I met in the last 30 days": the follow-up list's window when none is asked for. */
    static final Duration DEFAULT_FOLLOW_UP_WINDOW = Duration.ofDays(30);

    private final NetworkingEventRepository events;
    private final AttendanceRepository attendance;
    private final ContactReferences contacts;
    private final Outbox outbox;
    private final Clock clock;

    NetworkingEventService(NetworkingEventRepository events, AttendanceRepository attendance, ContactReferences contacts,
            Outbox outbox, Clock clock) {
        this.events = events;
        this.attendance = attendance;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An event and its version, which the resource turns into an ETag. */
    public record Versioned(NetworkingEventResponse event, long version) {
    }

    @Transactional
    public Versioned create(UUID ownerId, NetworkingEventRequest request) {
        Instant now = now();
        NetworkingEvent event = new NetworkingEvent();
        event.id = UUID.randomUUID();
        event.ownerId = ownerId;
        event.createdAt = now;
        apply(event, request, now);
        events.persist(event);
        outbox.publish(ownerId, new NetworkingEventCreated(event.id, event.name, event.startsAt, event.endsAt, event.place,
                event.organiser, now));
        return versioned(event);
    }

    @Transactional
    public Versioned replace(UUID ownerId, UUID id, String ifMatch, NetworkingEventRequest request) {
        NetworkingEvent event = owned(ownerId, id, ifMatch);
        Instant now = now();
        apply(event, request, now);
        outbox.publish(ownerId, new NetworkingEventUpdated(event.id, event.name, event.startsAt, event.endsAt, event.place,
                event.organiser, now));
        return versioned(event);
    }

    @Transactional
    public void delete(UUID ownerId, UUID id, String ifMatch) {
        NetworkingEvent event = owned(ownerId, id, ifMatch);
        events.delete(event);
        outbox.publish(ownerId, new NetworkingEventDeleted(event.id, now()));
    }

    @Transactional
    public Versioned get(UUID ownerId, UUID id) {
        return versioned(owned(ownerId, id, null));
    }

    @Transactional
    public Page<NetworkingEventResponse> list(UUID ownerId, PageRequest page) {
        List<NetworkingEvent> rows = events.page(ownerId, page);
        Map<UUID, Long> attendees = attendance.counts(rows.stream().map(e -> e.id).toList());
        return Page.of(rows, page, e -> new Cursor(e.startsAt, e.id),
                e -> NetworkingEventResponse.of(e, attendees.getOrDefault(e.id, 0L)));
    }

    /** The event after an attendee was recorded, and whether they were added now (false: already recorded). */
    public record Attended(Versioned event, boolean added) {
    }

    @Transactional
    public Attended addAttendee(UUID ownerId, UUID eventId, UUID contactId) {
        NetworkingEvent event = owned(ownerId, eventId, null);
        contacts.requireKnown(ownerId, contactId);
        Instant now = now();
        boolean added = attendance.add(ownerId, event.id, contactId, now);
        if (added) {
            outbox.publish(ownerId, new AttendeeAdded(event.id, contactId, now));
        }
        return new Attended(versioned(event), added);
    }

    @Transactional
    public void removeAttendee(UUID ownerId, UUID eventId, UUID contactId) {
        NetworkingEvent event = owned(ownerId, eventId, null);
        if (!attendance.remove(event.id, contactId)) {
            throw ProblemException.notFound("attendee", contactId);
        }
        outbox.publish(ownerId, new AttendeeRemoved(event.id, contactId, now()));
    }

    @Transactional
    public FollowUpBoard board(UUID ownerId, UUID eventId) {
        NetworkingEvent event = owned(ownerId, eventId, null);
        List<FollowUp> people = attendance.followUps(ownerId, event.id);
        return FollowUpBoard.of(NetworkingEventResponse.of(event, people.size()), people);
    }

    /** Everyone met at events since {@code since} (default: the last 30 days), latest event first. */
    @Transactional
    public Page<FollowUp> followUps(UUID ownerId, Instant since, Boolean invited, PageRequest page) {
        Instant from = since != null ? since : now().minus(DEFAULT_FOLLOW_UP_WINDOW);
        return Page.of(attendance.followUpsSince(ownerId, from, invited, page), page, f -> new Cursor(f.metAt(), f.contactId()),
                f -> f);
    }

    /**
     * A contact created (or updated) in contacts-service as met at one of the owner's events
     * joins the people met there: how a business card collected at an event becomes an
     * attendee in one request. An event that is not the owner's, or no longer exists, is ignored.
     */
    void onContactMetAtEvent(@Observes ContactMetAtEvent met) {
        events.findOwned(met.ownerId(), met.eventId()).ifPresent(event -> {
            if (attendance.add(met.ownerId(), event.id, met.contactId(), now())) {
                outbox.publish(met.ownerId(), new AttendeeAdded(event.id, met.contactId(), now()));
            }
        });
    }

    /** An erased contact's attendance goes with them. */
    void onContactErased(@Observes ContactErasure erasure) {
        attendance.forgetContact(erasure.ownerId(), erasure.contactId());
    }

    private static void apply(NetworkingEvent event, NetworkingEventRequest request, Instant now) {
        if (request.endsAt().isBefore(request.startsAt())) {
            throw ProblemException.invalid("endsAt", "must not be before startsAt");
        }
        event.name = request.name().strip();
        event.startsAt = micros(request.startsAt());
        event.endsAt = micros(request.endsAt());
        event.place = request.place();
        event.organiser = request.organiser();
        event.notes = request.notes();
        event.updatedAt = now;
    }

    private NetworkingEvent owned(UUID ownerId, UUID id, String ifMatch) {
        NetworkingEvent event = events.findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound("networking event", id));
        ETags.checkIfMatch(ifMatch, event.version);
        return event;
    }

    private Versioned versioned(NetworkingEvent event) {
        events.flush();
        return new Versioned(NetworkingEventResponse.of(event, attendance.count(event.id)), event.version);
    }

    private Instant now() {
        return micros(clock.instant());
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
