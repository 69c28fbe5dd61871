package dev.rapport.notifications.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.notification.Notifications;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.MergePatch;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.http.ProblemMappers;
import dev.rapport.platform.time.SqlTimes;
import io.quarkus.panache.common.Parameters;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** Webhook subscriptions and their delivery log. */
@ApplicationScoped
public class WebhookService {

    static final String PING = "rapport.webhook.ping.v1";

    private final EntityManager entityManager;
    private final EndpointPolicy policy;
    private final WebhookFanout fanout;
    private final Clock clock;
    private final Notifications notifications;
    private final WebhooksConfig config;
    private final ObjectMapper mapper;
    private final Validator validator;

    WebhookService(EntityManager entityManager, EndpointPolicy policy, WebhookFanout fanout, Clock clock,
            Notifications notifications, WebhooksConfig config, ObjectMapper mapper, Validator validator) {
        this.entityManager = entityManager;
        this.notifications = notifications;
        this.policy = policy;
        this.fanout = fanout;
        this.clock = clock;
        this.config = config;
        this.mapper = mapper;
        this.validator = validator;
    }

    public record Versioned(WebhookResponse webhook, long version) {
    }

    @Transactional
    public Versioned create(UUID ownerId, WebhookRequest request) {
        checkEndpoint(request.url());
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerId = ownerId;
        subscription.url = request.url();
        subscription.description = request.description();
        subscription.eventTypes = new ArrayList<>(request.eventTypes().stream().distinct().toList());
        subscription.secret = WebhookSigner.newSecret();
        subscription.enabled = true;
        subscription.createdAt = now();
        subscription.persistAndFlush();
        return new Versioned(WebhookResponse.withSecret(subscription, now()), subscription.version);
    }

    @Transactional
    public Versioned get(UUID ownerId, UUID id) {
        return versioned(owned(ownerId, id));
    }

    @Transactional
    public Page<WebhookResponse> list(UUID ownerId, PageRequest page) {
        StringBuilder query = new StringBuilder("ownerId = :owner");
        Parameters parameters = Parameters.with("owner", ownerId);
        if (page.after() != null) {
            query.append(" and (createdAt < :time or (createdAt = :time and id < :id))");
            parameters.and("time", page.after().time()).and("id", page.after().id());
        }
        List<WebhookSubscription> rows = WebhookSubscription
                .<WebhookSubscription>find(query + " order by createdAt desc, id desc", parameters)
                .page(0, page.limit() + 1).list();
        Instant now = now();
        return Page.of(rows, page, s -> new Cursor(s.createdAt, s.id), s -> WebhookResponse.of(s, now));
    }

    @Transactional
    public void delete(UUID ownerId, UUID id, String ifMatch) {
        WebhookSubscription subscription = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, subscription.version);
        subscription.delete();
    }

    /**
     * Applies an RFC 7396 merge patch to what a subscriber may change (url, eventTypes,
     * description, enabled), then validates the result as a whole: any other member, a wrong
     * type or a bad value is a 400 problem and nothing changes.
     */
    @Transactional
    public Versioned patch(UUID ownerId, UUID id, String ifMatch, JsonNode patch) {
        WebhookSubscription subscription = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, subscription.version);
        if (!patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (application/merge-patch+json)");
        }
        WebhookUpdate patched;
        try {
            patched = mapper.treeToValue(MergePatch.apply(mapper.valueToTree(WebhookUpdate.of(subscription)), patch), WebhookUpdate.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemMappers.problemOf(e));
        }
        Set<ConstraintViolation<WebhookUpdate>> violations = validator.validate(patched);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (!patched.url().equals(subscription.url)) {
            checkEndpoint(patched.url());
            subscription.url = patched.url();
            subscription.forgetFailures();
        }
        List<String> eventTypes = patched.eventTypes().stream().distinct().toList();
        if (!eventTypes.equals(subscription.eventTypes)) {
            subscription.eventTypes = new ArrayList<>(eventTypes);
        }
        subscription.description = patched.description();
        if (patched.enabled() && !subscription.enabled) {
            enable(subscription);
        } else if (!patched.enabled() && subscription.enabled) {
            subscription.disable(DisabledReason.BY_OWNER);
        }
        subscription.flush();
        return versioned(subscription);
    }

    /** Enables an endpoint again, however it was disabled: its failures are forgotten and its waiting deliveries resume. */
    @Transactional
    public Versioned enable(UUID ownerId, UUID id, String ifMatch) {
        WebhookSubscription subscription = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, subscription.version);
        if (!subscription.enabled) {
            enable(subscription);
        }
        return versioned(subscription);
    }

    /** Its owner was told when it was disabled as GONE or FAILING: that notification is resolved (flushed first, for the new version). */
    private void enable(WebhookSubscription subscription) {
        subscription.enable();
        subscription.flush();
        notifications.resolve(subscription.ownerId, WebhookDispatcher.DISABLED_RULE, subscription.id);
        fanout.dispatchAfterCommit();
    }

    /**
     * Gives the subscription a new secret and keeps the current one as the previous secret, which
     * the dispatcher also signs with until it expires; a previous secret from an earlier rotation
     * is dropped, so at most two sign at a time. The answer shows the new secret, this once.
     */
    @Transactional
    public Versioned rotateSecret(UUID ownerId, UUID id, String ifMatch) {
        WebhookSubscription subscription = owned(ownerId, id);
        ETags.checkIfMatch(ifMatch, subscription.version);
        Instant now = now();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretExpiresAt = now.plus(config.previousSecretLasts());
        subscription.secret = WebhookSigner.newSecret();
        subscription.flush();
        return new Versioned(WebhookResponse.withSecret(subscription, now), subscription.version);
    }

    /**
     * Queues again, at once and with a fresh series of attempts, every failed delivery of the
     * subscription created at or after {@code since}; returns how many. On a disabled endpoint
     * they wait until it is enabled.
     */
    @Transactional
    public int recover(UUID ownerId, UUID id, Instant since) {
        owned(ownerId, id);
        Instant now = now();
        if (since.isAfter(now)) {
            throw ProblemException.invalid("since", "must not be in the future");
        }
        int requeued = entityManager.createNativeQuery("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?3, delivered_at = null
                where subscription_id = ?1 and status = 'FAILED' and created_at >= ?2""")
                .setParameter(1, id).setParameter(2, Timestamp.from(since)).setParameter(3, Timestamp.from(now))
                .executeUpdate();
        fanout.dispatchAfterCommit();
        return requeued;
    }

    /** Sends a delivery again now, whatever became of it, with a fresh series of attempts. */
    @Transactional
    public void redeliver(UUID ownerId, UUID id, UUID deliveryId) {
        owned(ownerId, id);
        int updated = entityManager.createNativeQuery("""
                update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?3, delivered_at = null
                where id = ?1 and subscription_id = ?2""")
                .setParameter(1, deliveryId).setParameter(2, id).setParameter(3, Timestamp.from(now()))
                .executeUpdate();
        fanout.dispatchAfterCommit();
        if (updated == 0) {
            throw ProblemException.notFound("delivery", deliveryId);
        }
    }

    /** Queues a ping for this subscription alone, whatever event types it wants. */
    @Transactional
    public UUID ping(UUID ownerId, UUID id) {
        WebhookSubscription subscription = owned(ownerId, id);
        UUID pingId = UUID.randomUUID();
        fanout.enqueueFor(subscription, pingId.toString(), PING, Map.of("pingId", pingId, "webhookId", subscription.id), now());
        return pingId;
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public Page<DeliveryResponse> deliveries(UUID ownerId, UUID id, PageRequest page) {
        owned(ownerId, id);
        String after = page.after() == null ? "" : " and (created_at < ?3 or (created_at = ?3 and id < ?4))";
        var query = entityManager.createNativeQuery("""
                select id, event_id, event_type, status, created_at, next_attempt_at, delivered_at from webhook_delivery
                where subscription_id = ?1%s order by created_at desc, id desc limit ?2""".formatted(after))
                .setParameter(1, id).setParameter(2, page.limit() + 1);
        if (page.after() != null) {
            query.setParameter(3, Timestamp.from(page.after().time())).setParameter(4, page.after().id());
        }
        List<Object[]> rows = query.getResultList();
        Map<UUID, List<DeliveryResponse.Attempt>> attempts = attemptsOf(rows.stream().map(r -> (UUID) r[0]).toList());
        return Page.of(rows, page, r -> new Cursor(SqlTimes.instant(r[4]), (UUID) r[0]), r -> new DeliveryResponse((UUID) r[0],
                (String) r[1], (String) r[2], (String) r[3], SqlTimes.instant(r[4]), SqlTimes.instant(r[5]), SqlTimes.instant(r[6]),
                attempts.getOrDefault((UUID) r[0], List.of())));
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<DeliveryResponse.Attempt>> attemptsOf(List<UUID> deliveries) {
        Map<UUID, List<DeliveryResponse.Attempt>> attempts = new LinkedHashMap<>();
        if (deliveries.isEmpty()) {
            return attempts;
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                select delivery_id, attempted_at, status_code, error, duration_ms from webhook_attempt
                where delivery_id = any(?1) order by id""")
                .setParameter(1, deliveries.toArray(UUID[]::new))
                .getResultList();
        for (Object[] row : rows) {
            attempts.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new DeliveryResponse.Attempt(
                    SqlTimes.instant(row[1]), row[2] == null ? null : ((Number) row[2]).intValue(), (String) row[3], ((Number) row[4]).intValue()));
        }
        return attempts;
    }

    /** Deliveries that are done (delivered or given up) are kept 30 days, with their attempts. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldDeliveries() {
        entityManager.createNativeQuery("delete from webhook_delivery where status <> 'PENDING' and created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(Duration.ofDays(30))))
                .executeUpdate();
    }

    private void checkEndpoint(String url) {
        String refusal = policy.refusal(url);
        if (refusal != null) {
            throw ProblemException.invalid("url", refusal);
        }
    }

    private Versioned versioned(WebhookSubscription subscription) {
        return new Versioned(WebhookResponse.of(subscription, now()), subscription.version);
    }

    private WebhookSubscription owned(UUID ownerId, UUID id) {
        return WebhookSubscription.<WebhookSubscription>find("id = :id and ownerId = :owner",
                Parameters.with("id", id).and("owner", ownerId)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("webhook", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
