package dev.rapport.notifications.webhook;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.outbox.DomainEvent;
import dev.rapport.platform.outbox.Outbox.OwnedEvent;
import dev.rapport.platform.tracing.TraceContext;
import dev.rapport.platform.transaction.AfterCommit;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Queues an event for every enabled subscription of its owner that wants its type, in the
 * transaction that produced or consumed the event. One delivery per (subscription, event id),
 * so a redelivered event is not sent twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookFanout {

    private static final Object DISPATCH_REGISTERED = new Object();

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final AfterCommit afterCommit;
    private final WebhookDispatcher dispatcher;

    WebhookFanout(EntityManager entityManager, ObjectMapper mapper, AfterCommit afterCommit, WebhookDispatcher dispatcher) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.afterCommit = afterCommit;
        this.dispatcher = dispatcher;
    }

    public void enqueue(UUID ownerId, String eventId, String type, Object data, Instant time) {
        List<WebhookSubscription> wanting = enabled(ownerId).stream().filter(s -> s.wants(type)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        String payload = payload(type, data, time);
        insertAll(wanting.stream().map(subscription -> new Delivery(subscription, eventId, type, payload, null)).toList(), time);
    }

    /** {@link #enqueue} for many events, of one owner or many (ids in the same order), reading their subscriptions at once. */
    public void enqueueAll(List<UUID> eventIds, List<OwnedEvent> events, Instant time) {
        Map<UUID, List<WebhookSubscription>> byOwner = WebhookSubscription.<WebhookSubscription>list("ownerId in ?1 and enabled = true",
                events.stream().map(OwnedEvent::ownerId).distinct().toList())
                .stream().collect(Collectors.groupingBy(subscription -> subscription.ownerId));
        if (byOwner.isEmpty()) {
            return;
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            OwnedEvent owned = events.get(i);
            DomainEvent event = owned.event();
            List<WebhookSubscription> wanting = byOwner.getOrDefault(events.get(i).ownerId(), List.of()).stream()
                    .filter(s -> s.wants(event.type())).toList();
            if (!wanting.isEmpty()) {
                String payload = payload(event.type(), event, time);
                String eventId = eventIds.get(i).toString();
                wanting.forEach(subscription -> deliveries.add(new Delivery(subscription, eventId, event.type(), payload, owned.trace())));
            }
        }
        insertAll(deliveries, time);
    }

    /** Queues an event for one subscription, whatever types it wants (a test ping). */
    public void enqueueFor(WebhookSubscription subscription, String eventId, String type, Object data, Instant time) {
        insertAll(List.of(new Delivery(subscription, eventId, type, payload(type, data, time), null)), time);
    }

    /** A delivery to queue; {@code trace} null: the current one. */
    private record Delivery(WebhookSubscription subscription, String eventId, String type, String payload, TraceContext trace) {
    }

    private static List<WebhookSubscription> enabled(UUID ownerId) {
        return WebhookSubscription.<WebhookSubscription>find("ownerId = :owner and enabled = true", Parameters.with("owner", ownerId)).list();
    }

    /** One JDBC batch; one delivery per (subscription, event id), so a redelivered event is not queued twice. */
    private void insertAll(List<Delivery> deliveries, Instant time) {
        if (deliveries.isEmpty()) {
            return;
        }
        entityManager.flush();
        // The event's own trace, else the consumed event's or the request's: each attempt will be a span of it.
        TraceContext current = TraceContext.current();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into webhook_delivery (id, subscription_id, owner_id, event_id, event_type, payload, status, next_attempt_at, created_at,
                                                  traceparent, tracestate)
                    values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
                    on conflict (subscription_id, event_id) do nothing""")) {
                for (Delivery delivery : deliveries) {
                    TraceContext trace = delivery.trace() == null ? current : delivery.trace();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, delivery.subscription().id);
                    insert.setObject(3, delivery.subscription().ownerId);
                    insert.setString(4, delivery.eventId());
                    insert.setString(5, delivery.type());
                    insert.setString(6, delivery.payload());
                    insert.setTimestamp(7, Timestamp.from(time));
                    insert.setTimestamp(8, Timestamp.from(time));
                    insert.setString(9, trace.traceparent());
                    insert.setString(10, trace.tracestate());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        dispatchAfterCommit();
    }

    /** Has the dispatcher look for due deliveries once this transaction commits (some were queued, or queued again). */
    public void dispatchAfterCommit() {
        afterCommit.once(DISPATCH_REGISTERED, dispatcher::wakeUp);
    }

    /** The Standard Webhooks body: {@code {"type", "timestamp", "data"}}. */
    private String payload(String type, Object data, Instant time) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", time.toString());
        body.put("data", data);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the webhook body of " + type, e);
        }
    }

    /** Deletes the owner's webhook deliveries (and their attempts) whose payload names {@code text}: for erasure. */
    public void forgetDeliveriesMentioning(UUID ownerId, String text) {
        entityManager.createNativeQuery("delete from webhook_delivery where owner_id = ?1 and strpos(payload, ?2) > 0")
                .setParameter(1, ownerId).setParameter(2, text)
                .executeUpdate();
    }
}
