package dev.rapport.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * A stop of a consuming service (SIGTERM, as on every rolling deploy) while it works through
 * a backlog loses nothing: a burst of contact events waits on the topic while the consumers
 * are down, the consumers are started and each is stopped again in the middle of the backlog,
 * and after their restart each replica holds exactly the contacts of contacts-service, while
 * no dead-letter topic received a single record.
 */
class ShutdownLosesNothingIT {

    private static final List<String> USERS = List.of("alice", "bob", "admin");
    private static final int CONTACTS_PER_USER = 800;
    private static final int CONTACTS = USERS.size() * CONTACTS_PER_USER;
    /** Each consumer is stopped once it has applied this many of the backlog's events. */
    private static final int STOP_AFTER = CONTACTS / 10;

    /** Each consuming service's copy of the contacts, by a name prefix unique to the run. */
    private record Replica(String service, String database, String idsByName) {
    }

    private static final List<Replica> REPLICAS = List.of(
            new Replica("meetings-service", "meetings",
                    "select contact_id from contact_replica where name like ? and not deleted"),
            new Replica("referrals-service", "referrals",
                    "select contact_id from contact_replica where name like ? and not deleted"),
            new Replica("notifications-service", "notifications",
                    "select contact_id from contact_activity where name like ?"));

    private static final List<String> DEAD_LETTER_TOPICS = REPLICAS.stream()
            .map(replica -> "rapport.dlq." + replica.service()).toList();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStopInTheMiddleOfABacklogDeadLettersNothingAndTheRestartCompletesEveryReplica() throws Exception {
        String prefix = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, Long> deadLettersBefore = Operator.endOffsets(DEAD_LETTER_TOPICS);
        String[] consumers = REPLICAS.stream().map(Replica::service).toArray(String[]::new);

        Deployment.operate(prepend("stop", consumers));
        try {
            createContacts(prefix);
            List<String> source = Operator.column("contacts", "select id from contact where name like ?", prefix + "%");
            assertThat(source).hasSize(CONTACTS);

            // All three work through the backlog side by side; each is stopped once it is well
            // into it, while its consumer is busiest.
            Deployment.operate(prepend("start", consumers));
            Map<Replica, Long> atStop = new LinkedHashMap<>();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> {
                for (Replica replica : REPLICAS) {
                    if (!atStop.containsKey(replica) && applied(replica, prefix) >= STOP_AFTER) {
                        Deployment.operate("stop", replica.service());
                        atStop.put(replica, applied(replica, prefix));
                    }
                }
                return atStop.size() == REPLICAS.size();
            });
            atStop.forEach((replica, applied) -> assertThat(applied)
                    .as("%s had applied part of the backlog when it stopped; if it had applied all of it, "
                            + "raise CONTACTS_PER_USER", replica.service())
                    .isLessThan(CONTACTS));

            Deployment.operate(prepend("start", consumers));
            for (Replica replica : REPLICAS) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .until(() -> applied(replica, prefix) == CONTACTS);
                assertThat(Operator.column(replica.database(), replica.idsByName(), prefix + "%"))
                        .as("%s's replica after the restart", replica.service()).isEqualTo(source);
                System.out.printf("Stopped %s (SIGTERM) with %d of %d contact events applied; after its restart it has all %d%n",
                        replica.service(), atStop.get(replica), CONTACTS, CONTACTS);
            }
        } finally {
            Deployment.operate(prepend("start", consumers));
        }
        assertThat(Operator.endOffsets(DEAD_LETTER_TOPICS)).as("records on the dead-letter topics").isEqualTo(deadLettersBefore);
    }

    private static long applied(Replica replica, String prefix) {
        return Operator.column(replica.database(), replica.idsByName(), prefix + "%").size();
    }

    /** The burst: every user creates their contacts at once, as fast as the rate limit lets them. */
    private void createContacts(String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> created = new ArrayList<>();
            // One user after another in turn, so that each user's rate limit is used at once.
            for (int i = 0; i < CONTACTS_PER_USER; i++) {
                for (String user : USERS) {
                    String token = Deployment.token(user);
                    String name = prefix + user + "-" + i;
                    created.add(pool.submit(() -> createContact(token, name)));
                }
            }
            for (Future<?> contact : created) {
                contact.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Void createContact(String token, String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Deployment.EDGE + "/contacts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"source\": \"MET_AT_EVENT\"}"))
                .build();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                return null;
            }
            if (response.statusCode() != 429) {
                throw new IllegalStateException("creating " + name + " answered " + response.statusCode() + ": " + response.body());
            }
            // The per-user rate limit: wait as the server asks, like any well-behaved client.
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        }
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
