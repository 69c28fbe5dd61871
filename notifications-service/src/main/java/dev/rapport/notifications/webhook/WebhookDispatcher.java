package dev.rapport.notifications.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Threshold;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Delivers queued webhooks, at least once. Due deliveries are claimed with SKIP LOCKED and
 * leased (their next attempt moved past the attempt's timeout), so several instances share the
 * work and a crash mid-attempt only delays a retry. Every attempt is recorded.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final int BATCH = 50;
    /** The notification its owner gets when an endpoint is disabled. */
    public static final String DISABLED_RULE = "webhook.disabled";

    private final EntityManager entityManager;
    private final EndpointPolicy policy;
    private final WebhooksConfig config;
    private final Clock clock;
    private final RetrySchedule retries;
    private final HttpClient http;
    private final Notifications notifications;
    private final ManagedExecutor executor;
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    WebhookDispatcher(EntityManager entityManager, EndpointPolicy policy, WebhooksConfig config, Clock clock,
            Notifications notifications, ManagedExecutor executor) {
        this.entityManager = entityManager;
        this.notifications = notifications;
        this.executor = executor;
        this.policy = policy;
        this.config = config;
        this.clock = clock;
        this.retries = new RetrySchedule(config.retrySchedule(), RandomGenerator.getDefault());
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Scheduled(every = "${rapport.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatchDue();
    }

    /**
     * Sends new deliveries now rather than at the next poll. A wake-up during a pass makes the
     * pass run once more, so no delivery waits for the poll (claims use SKIP LOCKED either way).
     */
    void wakeUp() {
        if (!config.dispatchOnCommit()) {
            return;
        }
        wakeUpPending.set(true);
        if (dispatching.compareAndSet(false, true)) {
            executor.execute(this::dispatchWhileWoken);
        }
    }

    private void dispatchWhileWoken() {
        do {
            try {
                while (wakeUpPending.getAndSet(false)) {
                    dispatchDue();
                }
            } catch (RuntimeException e) {
                Log.warnf("Webhook dispatch after commit failed, the next poll retries: %s", e.getMessage());
            } finally {
                dispatching.set(false);
            }
            // A wake-up that came just as this pass ended found it still marked as running.
        } while (wakeUpPending.get() && dispatching.compareAndSet(false, true));
    }

    /** Attempts every delivery that is due now; returns how many were attempted. */
    public int dispatchDue() {
        int attempted = 0;
        List<Due> due;
        do {
            due = QuarkusTransaction.requiringNew().call(this::claim);
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (Due delivery : due) {
                running.add(attempt(delivery));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            attempted += due.size();
        } while (due.size() == BATCH);
        return attempted;
    }

    private record Due(UUID id, String url, String secret, String payload, int attempts) {
    }

    /**
     * A delivery that used up its attempts means the endpoint keeps failing: it is disabled (its
     * pending deliveries wait) and its owner is told, until they enable it again.
     */
    @SuppressWarnings("unchecked")
    private void disableEndpointOf(Due delivery, int attempts) {
        List<Object[]> disabled = entityManager.createNativeQuery("""
                update webhook_subscription set enabled = false, disabled_reason = 'FAILING', version = version + 1
                where id = (select subscription_id from webhook_delivery where id = ?1) and enabled
                returning owner_id, id, url""")
                .setParameter(1, delivery.id()).getResultList();
        for (Object[] row : disabled) {
            String url = (String) row[2];
            notifications.open((UUID) row[0], DISABLED_RULE, (UUID) row[1], Threshold.DUE, new NotificationContent(url,
                    "Webhook disabled: " + url,
                    "Deliveries to " + url + " kept failing (" + attempts + " attempts), so the endpoint was disabled. "
                            + "Fix it, enable it again, and redeliver what it missed.",
                    "/webhooks/" + row[1]));
            Log.warnf("Disabled webhook %s (%s) after %d failed attempts", row[1], url, attempts);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Due> claim() {
        Instant now = clock.instant();
        List<Object[]> rows = entityManager.createNativeQuery("""
                select d.id, s.url, s.secret, d.payload, d.attempts from webhook_delivery d
                join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= ?1 and s.enabled
                order by d.next_attempt_at limit ?2 for update of d skip locked""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, BATCH)
                .getResultList();
        List<Due> due = rows.stream()
                .map(r -> new Due((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue()))
                .toList();
        if (!due.isEmpty()) {
            entityManager.createNativeQuery("update webhook_delivery set next_attempt_at = ?1 where id = any(?2)")
                    .setParameter(1, Timestamp.from(now.plus(config.timeout().multipliedBy(3))))
                    .setParameter(2, due.stream().map(Due::id).toArray(UUID[]::new))
                    .executeUpdate();
        }
        return due;
    }

    private CompletableFuture<Void> attempt(Due delivery) {
        long started = System.nanoTime();
        String refusal = policy.refusal(delivery.url());
        if (refusal != null) {
            record(delivery, null, "endpoint refused: it " + refusal, started);
            return CompletableFuture.completedFuture(null);
        }
        long timestamp = clock.instant().getEpochSecond();
        String messageId = "msg_" + delivery.id();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Rapport-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(delivery.secret(), messageId, timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        // The request timeout only covers the wait for headers: bound the whole attempt, so a
        // receiver that trickles its answer cannot hold up the batch or outlive the lease.
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        record(delivery, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(), started);
                    } else {
                        record(delivery, response.statusCode(), null, started);
                    }
                    return null;
                });
    }

    private void record(Due delivery, Integer statusCode, String error, long startedNanos) {
        int durationMillis = (int) ((System.nanoTime() - startedNanos) / 1_000_000);
        boolean delivered = statusCode != null && statusCode >= 200 && statusCode < 300;
        int attempts = delivery.attempts() + 1;
        Instant now = clock.instant();
        String status = delivered ? "DELIVERED" : attempts >= retries.attempts() ? "FAILED" : "PENDING";
        Instant next = status.equals("PENDING") ? now.plus(retries.delayAfter(attempts).orElseThrow()) : null;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("""
                        insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                        values (?1, ?2, ?3, ?4, ?5)""")
                        .setParameter(1, delivery.id()).setParameter(2, Timestamp.from(now))
                        .setParameter(3, new TypedParameterValue<>(StandardBasicTypes.INTEGER, statusCode))
                        .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.STRING, error))
                        .setParameter(5, durationMillis)
                        .executeUpdate();
                entityManager.createNativeQuery("""
                        update webhook_delivery set attempts = ?2, status = ?3, next_attempt_at = ?4, delivered_at = ?5
                        where id = ?1""")
                        .setParameter(1, delivery.id()).setParameter(2, attempts).setParameter(3, status)
                        .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.TIMESTAMP, next == null ? null : Timestamp.from(next)))
                        .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.TIMESTAMP, delivered ? Timestamp.from(now) : null))
                        .executeUpdate();
                if (status.equals("FAILED")) {
                    disableEndpointOf(delivery, attempts);
                }
            });
        } catch (RuntimeException e) {
            // The lease expires and the delivery is attempted again: at least once, never lost.
            Log.warnf("Could not record webhook attempt of delivery %s: %s", delivery.id(), e.getMessage());
        }
    }
}
