package dev.rapport.notifications.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rapport.platform.tracing.TraceContext;
import jakarta.transaction.TransactionScoped;

/**
 * The subjects this transaction's events asked to have reviewed (see {@link Rules#queueReview}),
 * each once, with the trace of the last event that asked. One per transaction: a transaction
 * that rolls back takes its queue with it, and its retry starts with an empty one.
 */
@TransactionScoped
class QueuedReviews {

    /** A subject of one kind, as its rules review it. */
    record Queued(SubjectKind kind, OwnedSubject subject) {
    }

    private Map<Queued, TraceContext> queued = new LinkedHashMap<>();

    void add(SubjectKind kind, OwnedSubject subject, TraceContext trace) {
        queued.put(new Queued(kind, subject), trace);
    }

    /** Everything queued so far, in the order first asked; the queue is empty after it. */
    Map<Queued, TraceContext> takeAll() {
        Map<Queued, TraceContext> all = queued;
        queued = new LinkedHashMap<>();
        return all;
    }
}
