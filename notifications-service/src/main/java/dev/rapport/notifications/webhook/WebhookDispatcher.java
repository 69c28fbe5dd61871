package dev.rapport.notifications.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.context.ManagedExecutor;

import dev.rapport.notifications.webhook.DeliveryQueue.Due;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Delivers queued webhooks, at least once, without letting one endpoint hold up another. Due
 * deliveries are claimed from the {@link DeliveryQueue} as far as there is room (at most
 * {@code max-in-flight} attempts at once, {@code max-in-flight-per-endpoint} to one endpoint),
 * sent without blocking, and each recorded as soon as its own answer comes: a slow or dead
 * endpoint occupies only its own room, never a whole batch. Claims run one at a time per instance,
 * after a commit that queued deliveries, after an attempt that left room for more, and at each poll.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** The notification its owner gets when an endpoint is disabled. */
    public static final String DISABLED_RULE = "webhook.disabled";

    private final DeliveryQueue queue;
    private final WebhookSender sender;
    private final WebhooksConfig config;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, Integer> inFlightByEndpoint = new ConcurrentHashMap<>();
    /** Endpoints whose last claim filled their room: they may have more due. */
    private final Set<UUID> endpointsWithMore = ConcurrentHashMap.newKeySet();
    private volatile boolean noRoomLeft;
    private volatile boolean stopping;
    private final SingleFlight claims;
    /** Attempts answered and waiting to be recorded, many in one transaction. */
    private final Queue<DeliveryQueue.Attempted> answered = new ConcurrentLinkedQueue<>();
    private final SingleFlight records;

    WebhookDispatcher(DeliveryQueue queue, WebhookSender sender, WebhooksConfig config, ManagedExecutor executor) {
        this.queue = queue;
        this.sender = sender;
        this.config = config;
        this.claims = new SingleFlight("Webhook claim", this::claimAndSend, executor);
        this.records = new SingleFlight("Recording webhook attempts", this::recordAnswered, executor);
    }

    @Scheduled(every = "${rapport.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        claimSoon();
    }

    /** Sends new deliveries now rather than at the next poll (unless turned off, as in tests). */
    void wakeUp() {
        if (config.dispatchOnCommit()) {
            claimSoon();
        }
    }

    /** Has a claim run soon on a worker thread (at once, or once more after the one running). */
    void claimSoon() {
        claims.request();
    }

    /**
     * Attempts every delivery that is due now and waits until each is recorded; returns how many
     * were attempted. For tests, which move the clock and dispatch themselves.
     */
    public int dispatchDue() {
        int attempted = 0;
        List<CompletableFuture<Void>> started;
        do {
            started = claimAndSend();
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
            attempted += started.size();
        } while (!started.isEmpty());
        return attempted;
    }

    /** Claims what is due and has room, and starts each attempt; each future completes once its attempt is recorded. */
    private List<CompletableFuture<Void>> claimAndSend() {
        int free = config.maxInFlight() - inFlight.get();
        if (stopping || free <= 0) {
            noRoomLeft = !stopping;
            return List.of();
        }
        List<Due> due = queue.claim(free, Map.copyOf(inFlightByEndpoint));
        noRoomLeft = due.size() == free;
        Map<UUID, Integer> claimedByEndpoint = new HashMap<>();
        List<CompletableFuture<Void>> started = new ArrayList<>(due.size());
        for (Due delivery : due) {
            if (claimedByEndpoint.merge(delivery.endpointId(), 1, Integer::sum) == delivery.room()) {
                endpointsWithMore.add(delivery.endpointId());
            }
            inFlight.incrementAndGet();
            inFlightByEndpoint.merge(delivery.endpointId(), 1, Integer::sum);
            CompletableFuture<Void> recorded = new CompletableFuture<>();
            started.add(recorded.whenComplete((done, failure) -> finished(delivery)));
            sender.send(delivery).thenAccept(outcome -> {
                answered.add(new DeliveryQueue.Attempted(delivery, outcome, recorded));
                records.request();
            });
        }
        return started;
    }

    /** Records every attempt answered so far in one transaction, then lets each one's room go. */
    private void recordAnswered() {
        List<DeliveryQueue.Attempted> batch = new ArrayList<>();
        for (DeliveryQueue.Attempted attempted = answered.poll(); attempted != null; attempted = answered.poll()) {
            batch.add(attempted);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            queue.recordAll(batch);
        } finally {
            batch.forEach(attempted -> attempted.recorded().complete(null));
        }
    }

    private void finished(Due delivery) {
        inFlight.decrementAndGet();
        inFlightByEndpoint.computeIfPresent(delivery.endpointId(), (endpoint, count) -> count == 1 ? null : count - 1);
        boolean moreMayBeDue = endpointsWithMore.remove(delivery.endpointId()) || noRoomLeft;
        if (moreMayBeDue && !stopping && config.dispatchOnCommit()) {
            claimSoon();
        }
    }

    /** Claims nothing more, and lets the attempts in flight be recorded (those cut off are retried when their lease ends). */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        sender.close();
    }
}
