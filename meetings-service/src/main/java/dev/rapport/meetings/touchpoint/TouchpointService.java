package dev.rapport.meetings.touchpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.rapport.meetings.contacts.ContactReferences;
import dev.rapport.meetings.events.TouchpointDeleted;
import dev.rapport.meetings.events.TouchpointLogged;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Logs touchpoints; every change publishes its event in the same transaction. */
@ApplicationScoped
public class TouchpointService {

    private final TouchpointRepository touchpoints;
    private final ContactReferences contacts;
    private final Outbox outbox;
    private final Clock clock;

    TouchpointService(TouchpointRepository touchpoints, ContactReferences contacts, Outbox outbox, Clock clock) {
        this.touchpoints = touchpoints;
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A touchpoint and its version, which the resource turns into an ETag. */
    public record Versioned(TouchpointResponse touchpoint, long version) {
    }

    @Transactional
    public Versioned log(UUID ownerId, TouchpointRequest request) {
        Instant now = now();
        if (request.occurredAt().isAfter(now)) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        contacts.requireKnown(ownerId, request.contactId());
        Touchpoint touchpoint = new Touchpoint();
        touchpoint.id = UUID.randomUUID();
        touchpoint.ownerId = ownerId;
        touchpoint.contactId = request.contactId();
        touchpoint.kind = request.kind();
        // Truncated to what PostgreSQL stores: the answer, and the cursors built from it, match the row.
        touchpoint.occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        touchpoint.note = request.note();
        touchpoint.createdAt = now;
        touchpoints.persistAndFlush(touchpoint);
        outbox.publish(ownerId, new TouchpointLogged(touchpoint.id, touchpoint.contactId, touchpoint.kind.name(),
                touchpoint.occurredAt));
        return versioned(touchpoint);
    }

    @Transactional
    public Versioned get(UUID ownerId, UUID id) {
        return versioned(owned(ownerId, id));
    }

    @Transactional
    public Page<TouchpointResponse> list(UUID ownerId, PageRequest page, UUID contactId) {
        return Page.of(touchpoints.page(ownerId, page, contactId), page, t -> new Cursor(t.occurredAt, t.id),
                TouchpointResponse::of);
    }

    @Transactional
    public void delete(UUID ownerId, UUID id, String ifMatch) {
        Touchpoint touchpoint = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, touchpoint.version);
        touchpoints.delete(touchpoint);
        outbox.publish(ownerId, new TouchpointDeleted(touchpoint.id, touchpoint.contactId, now()));
    }

    private Touchpoint owned(UUID ownerId, UUID id) {
        return touchpoints.findOwned(ownerId, id).orElseThrow(() -> ProblemException.notFound("touchpoint", id));
    }

    private static Versioned versioned(Touchpoint touchpoint) {
        return new Versioned(TouchpointResponse.of(touchpoint), touchpoint.version);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
