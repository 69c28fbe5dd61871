package dev.rapport.notifications.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

import org.hibernate.Session;

import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.platform.time.SqlTimes;
import dev.rapport.platform.tracing.TraceContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The deliveries waiting to be sent, claimed endpoint by endpoint, and what each attempt did to
 * its delivery and to its endpoint's health. One endpoint failing cannot hold up the others: each
 * claim takes at most a few due deliveries per endpoint (one while the endpoint is on probation),
 * none from an endpoint that is paused, and finds the endpoints with pending deliveries by
 * skipping through an index, so that a paused endpoint's backlog, however long, is not read.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final String CLAIM = """
            with recursive pending (endpoint_id) as (
                (select subscription_id from webhook_delivery where status = 'PENDING' order by subscription_id limit 1)
              union all
                select (select d.subscription_id from webhook_delivery d
                        where d.status = 'PENDING' and d.subscription_id > p.endpoint_id
                        order by d.subscription_id limit 1)
                from pending p where p.endpoint_id is not null
            ),
            ready as (
                select s.id, s.url, s.secret,
                       case when s.previous_secret_expires_at > :now then s.previous_secret end as previous_secret,
                       case when s.consecutive_failures >= :park then 1 else :perEndpoint end - coalesce(f.n, 0) as room
                from pending p
                join webhook_subscription s on s.id = p.endpoint_id
                left join unnest(cast(:busyIds as uuid[]), cast(:busyCounts as int[])) f (id, n) on f.id = s.id
                where s.enabled and (s.paused_until is null or s.paused_until <= :now)
            )
            select d.id, r.id as endpoint_id, r.url, r.secret, r.previous_secret, d.payload, d.attempts, r.room, d.traceparent, d.tracestate
            from ready r
            cross join lateral (
                select d.id, d.payload, d.attempts, d.next_attempt_at, d.traceparent, d.tracestate from webhook_delivery d
                where d.subscription_id = r.id and d.status = 'PENDING' and d.next_attempt_at <= :now
                order by d.next_attempt_at
                limit greatest(r.room, 0)
                for update of d skip locked) d
            order by d.next_attempt_at
            limit :free""";

    private final EntityManager entityManager;
    private final WebhooksConfig config;
    private final Clock clock;
    private final Notifications notifications;
    private final RetrySchedule retries;

    DeliveryQueue(EntityManager entityManager, WebhooksConfig config, Clock clock, Notifications notifications) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.notifications = notifications;
        this.retries = new RetrySchedule(config.retrySchedule(), RandomGenerator.getDefault());
    }

    /**
     * A delivery claimed for one attempt; {@code room} is how many its endpoint could take in this
     * claim, {@code trace} the trace it was queued in.
     */
    public record Due(UUID id, UUID endpointId, String url, List<String> secrets, String payload, int attempts, int room,
            TraceContext trace) {
    }

    /**
     * Claims up to {@code free} due deliveries, leased for the attempt (their next attempt moved
     * past its timeout, so that another instance does not take them and a crash only delays
     * them). {@code inFlight} counts this instance's attempts per endpoint, which use up its room.
     */
    @SuppressWarnings("unchecked")
    public List<Due> claim(int free, Map<UUID, Integer> inFlight) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Object[]> rows = entityManager.createNativeQuery(CLAIM)
                    .setParameter("now", Timestamp.from(now))
                    .setParameter("park", config.parkAfterFailures())
                    .setParameter("perEndpoint", config.maxInFlightPerEndpoint())
                    .setParameter("busyIds", inFlight.keySet().toArray(UUID[]::new))
                    .setParameter("busyCounts", inFlight.values().toArray(Integer[]::new))
                    .setParameter("free", free)
                    .getResultList();
            List<Due> due = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                List<String> secrets = row[4] == null ? List.of((String) row[3]) : List.of((String) row[3], (String) row[4]);
                due.add(new Due((UUID) row[0], (UUID) row[1], (String) row[2], secrets, (String) row[5], ((Number) row[6]).intValue(),
                        ((Number) row[7]).intValue(), new TraceContext((String) row[8], (String) row[9])));
            }
            if (!due.isEmpty()) {
                entityManager.createNativeQuery("update webhook_delivery set next_attempt_at = ?1 where id = any(?2)")
                        .setParameter(1, Timestamp.from(now.plus(config.timeout().multipliedBy(3))))
                        .setParameter(2, due.stream().map(Due::id).toArray(UUID[]::new))
                        .executeUpdate();
            }
            return due;
        });
    }

    /** An attempt answered (or given up on) and waiting to be recorded; {@code recorded} completes once it is. */
    public record Attempted(Due delivery, AttemptOutcome outcome, CompletableFuture<Void> recorded) {
    }

    /** What an attempt makes of its delivery. */
    private record Next(UUID deliveryId, int attempts, DeliveryStatus status, Instant nextAttemptAt, Instant deliveredAt) {
    }

    /**
     * Records attempts, many in one transaction, and what follows from each: its delivery is
     * done, or retried at the next step of the schedule (no earlier than a Retry-After), or failed
     * for good; a success clears its endpoint's failures; a failure counts against it, parks it
     * after {@code park-after-failures} in a row (for the schedule's first step, then a step
     * further each time the probe fails), holds it for a Retry-After, and disables it on a 410 or
     * after failing for {@code disable-after}. Endpoints are written in the order of their ids, so
     * that two instances recording at once cannot deadlock.
     */
    public void recordAll(List<Attempted> attempts) {
        Instant now = clock.instant();
        List<Next> nexts = new ArrayList<>(attempts.size());
        for (Attempted attempted : attempts) {
            AttemptOutcome outcome = attempted.outcome();
            int attemptsMade = attempted.delivery().attempts() + 1;
            Optional<Duration> retryIn = outcome.delivered() ? Optional.empty() : retries.delayAfter(attemptsMade);
            DeliveryStatus status = outcome.delivered() ? DeliveryStatus.DELIVERED
                    : retryIn.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
            Optional<Instant> leaveAloneUntil = outcome.leaveAloneUntil(now, config.retryAfterMax());
            Instant next = retryIn.map(now::plus)
                    .map(retry -> leaveAloneUntil.filter(retry::isBefore).orElse(retry))
                    .orElse(null);
            nexts.add(new Next(attempted.delivery().id(), attemptsMade, status, next, outcome.delivered() ? now : null));
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // The endpoints first, then their deliveries: the order an unsubscription locks them in
                // (its delete cascades), so that the two cannot deadlock.
                entityManager.createNativeQuery("select id from webhook_subscription where id = any(?1) order by id for key share")
                        .setParameter(1, attempts.stream().map(a -> a.delivery().endpointId()).distinct().toArray(UUID[]::new))
                        .getResultList();
                entityManager.unwrap(Session.class).doWork(connection -> writeAttempts(connection, attempts, nexts, now));
                List<UUID> recoveredEndpoints = attempts.stream().filter(a -> a.outcome().delivered())
                        .map(a -> a.delivery().endpointId()).distinct().sorted().toList();
                if (!recoveredEndpoints.isEmpty()) {
                    recovered(recoveredEndpoints);
                }
                attempts.stream().filter(a -> !a.outcome().delivered())
                        .sorted(Comparator.comparing((Attempted a) -> a.delivery().endpointId()))
                        .forEach(a -> failed(a.delivery().endpointId(), a.outcome(), now));
            });
        } catch (RuntimeException e) {
            // The leases expire and the deliveries are attempted again: at least once, never lost.
            Log.warnf("Could not record %d webhook attempts: %s", attempts.size(), e.getMessage());
        }
    }

    /** The attempts, and their deliveries' new state, in two statements. */
    private static void writeAttempts(Connection connection, List<Attempted> attempts, List<Next> nexts, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                select a.delivery_id, ?, a.status_code, a.error, a.duration_ms
                from unnest(?, ?, ?, ?) as a(delivery_id, status_code, error, duration_ms)
                -- A delivery deleted meanwhile (unsubscribed, erased) has nothing left to record; the
                -- lock keeps it until this commits.
                join webhook_delivery d on d.id = a.delivery_id
                for key share of d""")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setArray(2, connection.createArrayOf("uuid", attempts.stream().map(a -> a.delivery().id()).toArray()));
            insert.setArray(3, connection.createArrayOf("int4", attempts.stream().map(a -> a.outcome().statusCode()).toArray()));
            insert.setArray(4, connection.createArrayOf("text", attempts.stream().map(a -> a.outcome().error()).toArray()));
            insert.setArray(5, connection.createArrayOf("int4", attempts.stream().map(a -> a.outcome().durationMillis()).toArray()));
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update webhook_delivery d set attempts = n.attempts, status = n.status, next_attempt_at = n.next_attempt_at,
                                              delivered_at = n.delivered_at
                from unnest(?, ?, ?, ?, ?) as n(id, attempts, status, next_attempt_at, delivered_at)
                where d.id = n.id""")) {
            update.setArray(1, connection.createArrayOf("uuid", nexts.stream().map(Next::deliveryId).toArray()));
            update.setArray(2, connection.createArrayOf("int4", nexts.stream().map(Next::attempts).toArray()));
            update.setArray(3, connection.createArrayOf("text", nexts.stream().map(n -> n.status().name()).toArray()));
            update.setArray(4, connection.createArrayOf("timestamptz", nexts.stream().map(n -> timestampOrNull(n.nextAttemptAt())).toArray()));
            update.setArray(5, connection.createArrayOf("timestamptz", nexts.stream().map(n -> timestampOrNull(n.deliveredAt())).toArray()));
            update.executeUpdate();
        }
    }

    private void recovered(List<UUID> endpointIds) {
        // Only an endpoint that was failing is written: a healthy one's row is not locked by every success.
        entityManager.createNativeQuery("""
                update webhook_subscription set consecutive_failures = 0, times_parked = 0, failing_since = null, paused_until = null
                where id = any(?1) and (consecutive_failures > 0 or failing_since is not null or paused_until is not null)""")
                .setParameter(1, endpointIds.toArray(UUID[]::new)).executeUpdate();
    }

    private void failed(UUID endpointId, AttemptOutcome outcome, Instant now) {
        List<?> health = entityManager.createNativeQuery("""
                update webhook_subscription set consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, ?2)
                where id = ?1
                returning consecutive_failures, failing_since, coalesce(paused_until > ?2, false), times_parked""")
                .setParameter(1, endpointId).setParameter(2, Timestamp.from(now))
                .getResultList();
        if (health.isEmpty()) {
            return; // unsubscribed meanwhile
        }
        Object[] row = (Object[]) health.get(0);
        int failuresInARow = ((Number) row[0]).intValue();
        Instant failingSince = SqlTimes.instant(row[1]);
        boolean paused = (Boolean) row[2];
        // Parked again each time a probe fails, a step further along the schedule; attempts that
        // were in flight when it was parked do not move it on.
        if (failuresInARow >= config.parkAfterFailures() && !paused) {
            int timesParked = ((Number) row[3]).intValue() + 1;
            Instant parkedUntil = now.plus(retries.delayAfter(Math.min(timesParked, retries.attempts() - 1)).orElseThrow());
            entityManager.createNativeQuery("update webhook_subscription set times_parked = ?2, paused_until = ?3 where id = ?1")
                    .setParameter(1, endpointId).setParameter(2, timesParked).setParameter(3, Timestamp.from(parkedUntil))
                    .executeUpdate();
        }
        outcome.leaveAloneUntil(now, config.retryAfterMax()).ifPresent(until -> entityManager.createNativeQuery("""
                update webhook_subscription set paused_until = greatest(paused_until, ?2) where id = ?1""")
                .setParameter(1, endpointId).setParameter(2, Timestamp.from(until)).executeUpdate());
        if (outcome.gone()) {
            disable(endpointId, DisabledReason.GONE, "it answered 410 Gone");
        } else if (!failingSince.isAfter(now.minus(config.disableAfter()))) {
            disable(endpointId, DisabledReason.FAILING, "every attempt since " + failingSince + " failed (" + failuresInARow + " in a row)");
        }
    }

    /** Disables an endpoint (its pending deliveries wait) and tells its owner, until they enable it again. */
    @SuppressWarnings("unchecked")
    private void disable(UUID endpointId, DisabledReason reason, String why) {
        List<Object[]> disabled = entityManager.createNativeQuery("""
                update webhook_subscription set enabled = false, disabled_reason = ?2, version = version + 1
                where id = ?1 and enabled
                returning owner_id, url""")
                .setParameter(1, endpointId).setParameter(2, reason.name())
                .getResultList();
        for (Object[] row : disabled) {
            String url = (String) row[1];
            notifications.open((UUID) row[0], WebhookDispatcher.DISABLED_RULE, endpointId, Threshold.DUE, new NotificationContent(url,
                    "Webhook disabled: " + url,
                    "Deliveries to " + url + " stopped because " + why + ". "
                            + "Fix it, enable it again, and recover what it missed.",
                    "/webhooks/" + endpointId));
            Log.warnf("Disabled webhook %s (%s): %s", endpointId, url, why);
        }
    }

    private static Timestamp timestampOrNull(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
