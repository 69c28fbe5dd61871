package dev.rapport.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A stop of a consuming service (SIGTERM, as on every rolling deploy) while it works through
 * a backlog loses nothing. Every consumer is tried: meetings-, referrals- and
 * notifications-service on a burst of contact events, then contacts-service on a burst of
 * held one-to-ones. Each burst waits on its topic while the consumers are down; the consumers
 * are started and each is stopped again in the middle of the backlog; after their restart each
 * copy holds exactly what its source holds, and no dead-letter topic received a single record.
 */
@Tag(Deployment.SINGLE_INSTANCE)
class ShutdownLosesNothingIT {

    private static final List<String> USERS = List.of("alice", "bob", "admin");
    private static final int CONTACTS_PER_USER = 800;
    private static final int CONTACTS = USERS.size() * CONTACTS_PER_USER;
    private static final int ONE_TO_ONES_PER_USER = 200;
    private static final int ONE_TO_ONES = USERS.size() * ONE_TO_ONES_PER_USER;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * What one consuming service made of the burst, as the ids of a query on its database
     * (its one parameter: a name prefix unique to the run).
     */
    private record Copy(String service, String database, String idsByName) {
    }

    private static final List<Copy> CONTACT_REPLICAS = List.of(
            new Copy("meetings-service", "meetings",
                    "select contact_id from contact_replica where name like ? and not deleted"),
            new Copy("referrals-service", "referrals",
                    "select contact_id from contact_replica where name like ? and not deleted"),
            new Copy("notifications-service", "notifications",
                    "select contact_id from contact_activity where name like ?"));

    /** contacts-service moves a contact to EXPLORING when it learns of a held discovery one-to-one. */
    private static final Copy STAGES_FROM_MEETINGS = new Copy("contacts-service", "contacts",
            "select id from contact where name like ? and stage = 'EXPLORING'");

    private static final List<String> DEAD_LETTER_TOPICS = List.of("rapport.dlq.meetings-service",
            "rapport.dlq.referrals-service", "rapport.dlq.notifications-service", "rapport.dlq.contacts-service");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStopInTheMiddleOfABacklogDeadLettersNothingAndTheRestartCompletesEveryCopy() throws Exception {
        String prefix = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, Long> deadLettersBefore = Operator.endOffsets(DEAD_LETTER_TOPICS);

        stopMidBacklogThenRestart(CONTACT_REPLICAS, prefix, () -> {
            createContacts(prefix);
            return Operator.column("contacts", "select id from contact where name like ?", prefix + "%");
        });
        assertThat(Operator.column("contacts", "select id from contact where name like ?", prefix + "%")).hasSize(CONTACTS);

        stopMidBacklogThenRestart(List.of(STAGES_FROM_MEETINGS), prefix, () -> {
            holdDiscoveryOneToOnes(prefix);
            return Operator.column("meetings", "select m.contact_id from meeting m join contact_replica c on c.contact_id = m.contact_id"
                    + " where c.name like ? and m.status = 'HELD' and m.stage = 'DISCOVERY'", prefix + "%");
        });

        assertThat(Operator.endOffsets(DEAD_LETTER_TOPICS)).as("records on the dead-letter topics").isEqualTo(deadLettersBefore);
    }

    /**
     * Stops the consumers, makes a burst of events while they are down (answering what the
     * source then holds), starts them and stops each again once it has applied a tenth of the
     * backlog, then starts them again and requires each copy to equal the source.
     */
    private static void stopMidBacklogThenRestart(List<Copy> copies, String prefix, Callable<List<String>> burst) throws Exception {
        String[] consumers = copies.stream().map(Copy::service).toArray(String[]::new);
        Deployment.operate(prepend("stop", consumers));
        try {
            List<String> source = burst.call();
            int stopAfter = source.size() / 10;

            // They work through the backlog side by side; each is stopped once it is well into
            // it, while its consumer is busiest.
            Deployment.operate(prepend("start", consumers));
            Map<Copy, Long> atStop = new LinkedHashMap<>();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> {
                for (Copy copy : copies) {
                    if (!atStop.containsKey(copy) && applied(copy, prefix) >= stopAfter) {
                        Deployment.operate("stop", copy.service());
                        atStop.put(copy, applied(copy, prefix));
                    }
                }
                return atStop.size() == copies.size();
            });
            atStop.forEach((copy, applied) -> assertThat(applied)
                    .as("%s had applied part of the backlog when it stopped; if it had applied all of it, "
                            + "make the burst bigger", copy.service())
                    .isLessThan(source.size()));

            Deployment.operate(prepend("start", consumers));
            for (Copy copy : copies) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .until(() -> applied(copy, prefix) == source.size());
                assertThat(Operator.column(copy.database(), copy.idsByName(), prefix + "%"))
                        .as("%s's copy after the restart", copy.service()).isEqualTo(source);
                System.out.printf("Stopped %s (SIGTERM) with %d of %d events applied; after its restart it has all %d%n",
                        copy.service(), atStop.get(copy), source.size(), source.size());
            }
        } finally {
            Deployment.operate(prepend("start", consumers));
        }
    }

    private static long applied(Copy copy, String prefix) {
        return Operator.column(copy.database(), copy.idsByName(), prefix + "%").size();
    }

    /** The first burst: every user creates their contacts at once, as fast as the rate limit lets them. */
    private void createContacts(String prefix) throws Exception {
        List<Callable<String>> requests = new ArrayList<>();
        // One user after another in turn, so that each user's rate limit is used at once.
        for (int i = 0; i < CONTACTS_PER_USER; i++) {
            for (String user : USERS) {
                String name = prefix + user + "-" + i;
                requests.add(() -> send(user, "/contacts", "{\"name\": \"" + name + "\", \"source\": \"MET_AT_EVENT\"}"));
            }
        }
        inParallel(requests);
    }

    /**
     * The second burst: each user schedules and holds a discovery one-to-one with some of the
     * contacts of the first burst (which every replica now holds).
     */
    private void holdDiscoveryOneToOnes(String prefix) throws Exception {
        List<Callable<String>> requests = new ArrayList<>();
        for (String user : USERS) {
            List<String> contacts = Operator.column("contacts", "select id from contact where name like ?", prefix + user + "-%")
                    .subList(0, ONE_TO_ONES_PER_USER);
            for (String contact : contacts) {
                requests.add(() -> {
                    String scheduled = send(user, "/one-to-ones", "{\"contactId\": \"" + contact
                            + "\", \"stage\": \"DISCOVERY\", \"scheduledFor\": \"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}");
                    return send(user, "/one-to-ones/" + idOf(scheduled) + "/held",
                            "{\"heldAt\": \"" + Instant.now().minusSeconds(1) + "\", \"askedWhoTheyKnow\": true}");
                });
            }
        }
        inParallel(requests);
        assertThat(requests).hasSize(ONE_TO_ONES);
    }

    private static void inParallel(List<Callable<String>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (Callable<String> request : requests) {
                sent.add(pool.submit(request));
            }
            for (Future<String> request : sent) {
                request.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** POSTs through the edge, waiting as the server asks when the user's rate limit is spent. */
    private String send(String user, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Deployment.EDGE + path))
                .header("Authorization", "Bearer " + Deployment.token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 || response.statusCode() == 201) {
                return response.body();
            }
            if (response.statusCode() != 429) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        }
    }

    private static String idOf(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return id.group(1);
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
