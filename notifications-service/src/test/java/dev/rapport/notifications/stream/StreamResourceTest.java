package dev.rapport.notifications.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.Feed;
import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.notifications.rules.Rules;
import dev.rapport.notifications.stream.SseClient.Message;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class StreamResourceTest {

    /** The delivery bound the stream promises, from the commit to the client. */
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    /** For what only has to happen, not quickly (a connection, a replay). */
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/notifications/stream")
    URI stream;

    @Inject
    Rules rules;

    @Inject
    Notifications notifications;

    @Inject
    StreamLog log;

    @Inject
    StreamHub hub;

    @Inject
    EntityManager entityManager;

    @Inject
    MutableClock clock;

    private final Feed feed = new Feed();

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void aNotificationRaisedBySweepReachesTheOpenStreamWithinASecond() throws Exception {
        UUID alice = owner("alice");
        UUID sam = feed.contactCreated(alice, "Sam Live", clock.instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> known(sam));
        try (SseClient client = SseClient.open(stream, Tokens.of("alice"), null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).startsWith("text/event-stream");
            assertThat(client.header("X-Accel-Buffering")).isEqualTo("no");
            assertThat(client.nextComment(PATIENCE)).as("a keep-alive at once: the stream is open").isEqualTo(": keep-alive");

            clock.advance(Duration.ofDays(31));
            rules.sweep();
            Message message = client.next(about(sam), WITHIN_A_SECOND);

            assertThat(message).as("the notification, within a second of the sweep").isNotNull();
            assertThat(message.event()).isEqualTo("rapport.notification.created.v1");
            assertThat(message.id()).matches("[0-9]+");
            assertThat(message.data()).doesNotContain("\n");
            JsonNode body = JSON.readTree(message.data());
            assertThat(body.path("type").asText()).isEqualTo("rapport.notification.created.v1");
            assertThat(body.path("timestamp").asText()).isNotBlank();
            assertThat(body.path("data").path("rule").asText()).isEqualTo("relationship.stalled");
            assertThat(body.path("data").path("subjectName").asText()).isEqualTo("Sam Live");
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsExactlyWhatItMissedThenWhatComes() throws Exception {
        UUID alice = owner("alice");
        String lastSeen;
        try (SseClient client = SseClient.open(stream, Tokens.of("alice"), null)) {
            client.nextComment(PATIENCE);
            UUID first = raise(alice, "Before");
            lastSeen = client.next(about(first), PATIENCE).id();
        }
        UUID second = raise(alice, "Missed");
        UUID third = raise(alice, "Missed too");

        try (SseClient client = SseClient.open(stream, Tokens.of("alice"), lastSeen)) {
            List<Message> replayed = client.until(about(third), PATIENCE);
            assertThat(replayed).as("the missed events, up to the last").isNotNull();
            long from = Long.parseLong(lastSeen);
            assertThat(replayed).extracting(message -> Long.parseLong(message.id()))
                    .as("every position after Last-Event-ID, once each, in order")
                    .containsExactlyElementsOf(LongStream.rangeClosed(from + 1, from + replayed.size()).boxed().toList());
            assertThat(replayed).filteredOn(about(second)).hasSize(1);
            assertThat(replayed.indexOf(replayed.stream().filter(about(second)).findFirst().orElseThrow()))
                    .isLessThan(replayed.size() - 1);

            UUID fourth = raise(alice, "Live again");
            Message live = client.next(about(fourth), WITHIN_A_SECOND);
            assertThat(live).as("then the stream goes on live").isNotNull();
            assertThat(Long.parseLong(live.id())).isGreaterThan(from + replayed.size());
        }
    }

    @Test
    void anOwnerSeesOnlyTheirOwnEvents() throws Exception {
        UUID alice = owner("alice");
        UUID bob = owner("bob");
        try (SseClient alices = SseClient.open(stream, Tokens.of("alice"), null);
                SseClient bobs = SseClient.open(stream, Tokens.of("bob"), null)) {
            alices.nextComment(PATIENCE);
            bobs.nextComment(PATIENCE);
            UUID aliceSubject = raise(alice, "Alice's");
            assertThat(alices.next(about(aliceSubject), PATIENCE)).isNotNull();
            UUID bobSubject = raise(bob, "Bob's");

            List<Message> bobSaw = bobs.until(about(bobSubject), PATIENCE);
            assertThat(bobSaw).isNotNull().noneMatch(about(aliceSubject));
        }
    }

    @Test
    void theStreamNeedsABearerToken() throws Exception {
        for (String token : new String[] { null, "not-a-token" }) {
            try (SseClient client = SseClient.open(stream, token, "12")) {
                assertThat(client.status()).isEqualTo(401);
                assertThat(client.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(client.header("WWW-Authenticate")).isEqualTo("Bearer");
            }
        }
    }

    @Test
    void browsersMaySendLastEventIdFromTheAllowedOrigins() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,last-event-id")
                .options("/notifications/stream")
                .then().statusCode(200).header("Access-Control-Allow-Headers", containsStringIgnoringCase("Last-Event-ID"));
    }

    @Test
    void aLastEventIdThatIsNotAPositionIsABadRequest() throws Exception {
        for (String bad : List.of("yesterday", "-1", "4.2", "0x10", "42abc", "1234567890123456789")) {
            try (SseClient client = SseClient.open(stream, Tokens.of("alice"), bad)) {
                assertThat(client.status()).as(bad).isEqualTo(400);
                assertThat(client.header("Content-Type")).isEqualTo("application/problem+json");
                JsonNode problem = JSON.readTree(client.body(PATIENCE));
                assertThat(problem.path("type").asText()).isEqualTo("https://rapport.dev/problems/validation");
                assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo("Last-Event-ID");
            }
        }
    }

    @Test
    void aClientResumingFromEventsNoLongerKeptIsToldToReloadTheInbox() throws Exception {
        UUID alice = owner("alice");
        UUID expired = raise(alice, "Expired");
        long expiredAt = positionAbout(alice, expired);
        // Past the retention of every event kept, also those of earlier runs, whose clocks had moved on too.
        clock.advance(Duration.between(clock.instant(), newestEventTime()).plus(Duration.ofDays(8)));
        assertThat(log.forgetExpired()).isPositive();
        assertThat(positionsAbout(alice, expired)).as("older than the retention: gone").isEmpty();
        UUID kept = raise(alice, "Kept");
        assertThat(positionsAbout(alice, kept)).hasSize(1);
        long last = log.extentOf(alice).last();

        try (SseClient client = SseClient.open(stream, Tokens.of("alice"), Long.toString(expiredAt - 1))) {
            Message resync = client.next(PATIENCE);
            assertThat(resync.event()).isEqualTo("rapport.stream.resync.v1");
            assertThat(resync.id()).as("carry on from the stream's last position").isEqualTo(Long.toString(last));
            JsonNode body = JSON.readTree(resync.data());
            assertThat(body.path("type").asText()).isEqualTo("rapport.stream.resync.v1");
            assertThat(body.path("data").path("lastEventId").asText()).isEqualTo(Long.toString(expiredAt - 1));
            assertThat(body.path("data").path("reason").asText()).contains("GET /notifications");

            UUID next = raise(alice, "After the resync");
            assertThat(client.next(about(next), WITHIN_A_SECOND)).isNotNull();
        }
        try (SseClient client = SseClient.open(stream, Tokens.of("alice"), Long.toString(last + 1000))) {
            Message resync = client.next(PATIENCE);
            assertThat(resync.event()).as("a position the stream never gave").isEqualTo("rapport.stream.resync.v1");
        }
    }

    @Test
    void aSilentStreamGetsAKeepAliveCommentAfterTheHeartbeat() throws Exception {
        try (SseClient client = SseClient.open(stream, Tokens.of("bob"), null)) {
            assertThat(client.nextComment(PATIENCE)).isEqualTo(": keep-alive");
            assertThat(client.nextComment(Duration.ofMillis(500))).as("not before the heartbeat").isNull();
            clock.advance(Duration.ofSeconds(15));
            assertThat(client.nextComment(WITHIN_A_SECOND)).isEqualTo(": keep-alive");
        }
    }

    @Test
    void aClosedConnectionIsReleased() throws Exception {
        // Another test's stream may still be closing: count from none.
        await().atMost(PATIENCE).until(() -> hub.connections() == 0);
        int before = hub.connections();
        SseClient client = SseClient.open(stream, Tokens.of("alice"), null);
        client.nextComment(PATIENCE);
        assertThat(hub.connections()).isEqualTo(before + 1);

        client.close();

        await().atMost(PATIENCE).until(() -> hub.connections() == before);
    }

    @Test
    void anEventInTheTableReachesTheClientsWhoeverWroteIt() throws Exception {
        UUID alice = owner("alice");
        String marker = UUID.randomUUID().toString();
        try (SseClient client = SseClient.open(stream, Tokens.of("alice"), null)) {
            client.nextComment(PATIENCE);
            // As another instance would: its own transaction on the same table, no signal to this one.
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    with next as (update notification_stream_owner set last_position = last_position + 1
                                  where owner_id = ?1 returning last_position)
                    insert into notification_stream (owner_id, position, event_id, event_type, payload, created_at)
                    select ?1, last_position, ?2, 'rapport.notification.created.v1', ?3, now() from next""")
                    .setParameter(1, alice).setParameter(2, UUID.randomUUID())
                    .setParameter(3, "{\"type\":\"rapport.notification.created.v1\",\"data\":{\"subjectId\":\"" + marker + "\"}}")
                    .executeUpdate());

            assertThat(client.next(message -> message.data().contains(marker), WITHIN_A_SECOND)).isNotNull();
        }
    }

    /** Raises a notification for {@code owner} about a new subject, through the real publishing path; answers the subject. */
    private UUID raise(UUID owner, String name) {
        UUID subject = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> notifications.open(owner, "relationship.stalled", subject, Threshold.DUE,
                new NotificationContent(name, "Stalled relationship: " + name, "No news from " + name + " for 31 days.",
                        "/contacts/" + subject)));
        return subject;
    }

    private static Predicate<Message> about(UUID subject) {
        return message -> message.data().contains(subject.toString());
    }

    private long positionAbout(UUID owner, UUID subject) {
        return positionsAbout(owner, subject).get(0);
    }

    private List<Long> positionsAbout(UUID owner, UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select position from notification_stream where owner_id = ?1 and strpos(payload, ?2) > 0 order by position", Long.class)
                .setParameter(1, owner).setParameter(2, subject.toString())
                .getResultList());
    }

    private Instant newestEventTime() {
        return QuarkusTransaction.requiringNew().call(() -> (Instant) entityManager
                .createNativeQuery("select max(created_at) from notification_stream", Instant.class).getSingleResult());
    }

    private boolean known(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select 1 from contact_activity where contact_id = ?1").setParameter(1, contact)
                .getResultList().size() == 1);
    }

    private static UUID owner(String user) {
        return UUID.fromString(Tokens.subjectOf(user));
    }
}
