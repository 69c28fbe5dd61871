package dev.rapport.notifications.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        List<WebhookSubscription> wanting = WebhookSubscription
                .<WebhookSubscription>find("ownerId = :owner and enabled = true", Parameters.with("owner", ownerId))
                .stream().filter(s -> s.wants(type)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        String payload = payload(type, data, time);
        wanting.forEach(subscription -> insert(subscription, eventId, type, payload, time));
    }

    /** Queues an event for one subscription, whatever types it wants (a test ping). */
    public void enqueueFor(WebhookSubscription subscription, String eventId, String type, Object data, Instant time) {
        insert(subscription, eventId, type, payload(type, data, time), time);
    }

    private void insert(WebhookSubscription subscription, String eventId, String type, String payload, Instant time) {
        entityManager.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, owner_id, event_id, event_type, payload, status, next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', ?7, ?7)
                on conflict (subscription_id, event_id) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscription.id).setParameter(3, subscription.ownerId)
                .setParameter(4, eventId).setParameter(5, type).setParameter(6, payload)
                .setParameter(7, Timestamp.from(time))
                .executeUpdate();
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
