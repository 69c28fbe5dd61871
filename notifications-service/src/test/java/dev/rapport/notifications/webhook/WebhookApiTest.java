package dev.rapport.notifications.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.notification.Notification;
import dev.rapport.notifications.notification.NotificationContent;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Threshold;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.time.SqlTimes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The subscriber's controls: changing a subscription, rotating its secret, recovering failed deliveries. */
@QuarkusTest
class WebhookApiTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Notifications notifications;

    private WebhookReceiver receiver;
    private final String alice = Tokens.of("alice");

    @BeforeEach
    void listen() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void eachFieldIsPatchedAndTheETagMoves() {
        ExtractableResponse<Response> created = subscribe(alice, "CRM sync");
        String id = created.path("id");
        String etag = created.header("ETag");

        String afterTypes = patch(alice, id, etag, "{\"eventTypes\": [\"rapport.referral.*\", \"rapport.referral.*\", \"*\"]}")
                .then().statusCode(200)
                .body("eventTypes", contains("rapport.referral.*", "*"))
                .body("url", equalTo(receiver.url()))
                .body("description", equalTo("CRM sync"))
                .body("enabled", equalTo(true))
                .body("secret", nullValue())
                .extract().header("ETag");
        assertThat(afterTypes).isNotEqualTo(etag);

        String afterDescription = patch(alice, id, afterTypes, "{\"description\": \"Billing\"}")
                .then().statusCode(200).body("description", equalTo("Billing")).extract().header("ETag");
        String cleared = patch(alice, id, afterDescription, "{\"description\": null}")
                .then().statusCode(200).body("description", nullValue()).body("eventTypes", contains("rapport.referral.*", "*"))
                .extract().header("ETag");
        assertThat(cleared).isNotEqualTo(afterDescription);

        String disabled = patch(alice, id, cleared, "{\"enabled\": false}")
                .then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("disabledReason", equalTo("BY_OWNER"))
                .extract().header("ETag");
        assertThat(subscription(id).disabledReason).isEqualTo(DisabledReason.BY_OWNER);
        patch(alice, id, disabled, "{\"enabled\": true}")
                .then().statusCode(200).body("enabled", equalTo(true)).body("disabledReason", nullValue());

        given().auth().oauth2(alice).get("/webhooks/" + id).then().statusCode(200)
                .body("eventTypes", contains("rapport.referral.*", "*"))
                .body("description", nullValue())
                .body("enabled", equalTo(true));
    }

    @Test
    void aNewUrlIsCheckedAndIsANewEndpointWithoutItsFailures() {
        String id = subscribe(alice, null).path("id");
        Instant failingSince = clock.instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Instant pausedUntil = clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update webhook_subscription set consecutive_failures = 6, failing_since = ?2, paused_until = ?3, version = version + 1
                where id = ?1""")
                .setParameter(1, UUID.fromString(id)).setParameter(2, Timestamp.from(failingSince))
                .setParameter(3, Timestamp.from(pausedUntil)).executeUpdate());
        ExtractableResponse<Response> failing = given().auth().oauth2(alice).get("/webhooks/" + id).then().statusCode(200)
                .body("failingSince", equalTo(failingSince.toString()))
                .body("pausedUntil", equalTo(pausedUntil.toString()))
                .extract();

        for (String refused : List.of("https://10.0.0.7/hook", "ftp://example.com/x", "not a url")) {
            patch(alice, id, null, "{\"url\": \"%s\"}".formatted(refused))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        patch(alice, id, null, "{\"url\": null}").then().statusCode(400).body("errors[0].field", equalTo("url"));
        assertThat(subscription(id).url).isEqualTo(receiver.url());
        assertThat(subscription(id).consecutiveFailures).isEqualTo(6);

        // The same URL again changes nothing: the endpoint keeps its record.
        patch(alice, id, null, "{\"url\": \"%s\"}".formatted(receiver.url()))
                .then().statusCode(200).header("ETag", equalTo(failing.header("ETag")))
                .body("failingSince", equalTo(failingSince.toString()));

        String moved = receiver.url() + "/v2";
        patch(alice, id, failing.header("ETag"), "{\"url\": \"%s\"}".formatted(moved))
                .then().statusCode(200)
                .body("url", equalTo(moved))
                .body("failingSince", nullValue())
                .body("pausedUntil", nullValue());
        WebhookSubscription stored = subscription(id);
        assertThat(stored.url).isEqualTo(moved);
        assertThat(stored.consecutiveFailures).isZero();
        assertThat(stored.failingSince).isNull();
        assertThat(stored.pausedUntil).isNull();
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        ExtractableResponse<Response> created = subscribe(alice, "CRM sync");
        String id = created.path("id");
        String first = created.header("ETag");
        String second = patch(alice, id, first, "{\"description\": \"Billing\"}").then().statusCode(200).extract().header("ETag");

        patch(alice, id, first, "{\"description\": \"Stale\"}")
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(alice).header("If-Match", first).post("/webhooks/" + id + "/rotate-secret")
                .then().statusCode(412);
        given().auth().oauth2(alice).get("/webhooks/" + id).then().statusCode(200)
                .header("ETag", equalTo(second))
                .body("description", equalTo("Billing"))
                .body("previousSecretExpiresAt", nullValue());
    }

    @Test
    void anythingButTheFourMembersOrAWrongValueIsA400AndNothingChanges() {
        ExtractableResponse<Response> created = subscribe(alice, "CRM sync");
        String id = created.path("id");
        String etag = created.header("ETag");
        String secret = subscription(id).secret;

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{\"description\": \"Changed\", \"secret\": \"whsec_AAAA\"}", "secret");
        refused.put("{\"description\": \"Changed\", \"id\": \"" + UUID.randomUUID() + "\"}", "id");
        refused.put("{\"disabledReason\": \"GONE\"}", "disabledReason");
        refused.put("{\"enabled\": \"false\"}", "enabled");
        refused.put("{\"enabled\": null}", "enabled");
        refused.put("{\"description\": 12}", "description");
        refused.put("{\"description\": \"" + "x".repeat(501) + "\"}", "description");
        refused.put("{\"eventTypes\": []}", "eventTypes");
        refused.put("{\"eventTypes\": \"*\"}", "eventTypes");
        refused.put("{\"eventTypes\": [\"Not A Type\"]}", "eventTypes[0]");
        refused.put("{\"eventTypes\": null}", "eventTypes");
        for (Map.Entry<String, String> body : refused.entrySet()) {
            patch(alice, id, etag, body.getKey())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(body.getValue()));
        }
        patch(alice, id, etag, "[{\"op\": \"replace\", \"path\": \"/description\", \"value\": \"Changed\"}]")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"description\": \"Changed\"}")
                .patch("/webhooks/" + id).then().statusCode(415);

        given().auth().oauth2(alice).get("/webhooks/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("description", equalTo("CRM sync"))
                .body("eventTypes", contains("rapport.notification.*"))
                .body("enabled", equalTo(true));
        assertThat(subscription(id).secret).isEqualTo(secret);
    }

    @Test
    void enablingResolvesTheDisabledNotification() {
        for (String how : List.of("patch", "enable")) {
            String id = subscribe(alice, null).path("id");
            disableAsGoneAndTellTheOwner(id);
            String etag = given().auth().oauth2(alice).get("/webhooks/" + id).then().statusCode(200)
                    .body("enabled", equalTo(false))
                    .body("disabledReason", equalTo("GONE"))
                    .extract().header("ETag");
            assertThat(disabledNotification(id)).isEqualTo("OPEN");

            var enabled = how.equals("patch")
                    ? patch(alice, id, etag, "{\"enabled\": true}")
                    : given().auth().oauth2(alice).header("If-Match", etag).post("/webhooks/" + id + "/enable");
            enabled.then().statusCode(200)
                    .body("enabled", equalTo(true))
                    .body("disabledReason", nullValue())
                    .body("failingSince", nullValue())
                    .header("ETag", notNullValue());
            assertThat(disabledNotification(id)).as(how).isEqualTo("RESOLVED");
            WebhookSubscription stored = subscription(id);
            assertThat(stored.enabled).isTrue();
            assertThat(stored.consecutiveFailures).isZero();
        }
    }

    @Test
    void rotationShowsTheNewSecretOnceAndKeepsOnlyTheLastPreviousOne() {
        ExtractableResponse<Response> created = subscribe(alice, null);
        String id = created.path("id");
        String first = created.path("secret");

        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ExtractableResponse<Response> rotated = given().auth().oauth2(alice).header("If-Match", created.header("ETag"))
                .post("/webhooks/" + id + "/rotate-secret")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("secret", startsWith("whsec_"))
                .extract();
        Instant after = clock.instant();
        String second = rotated.path("secret");
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.header("ETag")).isNotEqualTo(created.header("ETag"));
        Instant expires = Instant.parse(rotated.path("previousSecretExpiresAt"));
        assertThat(expires).isBetween(before.plus(Duration.ofHours(24)), after.plus(Duration.ofHours(24)));
        WebhookSubscription stored = subscription(id);
        assertThat(stored.secret).isEqualTo(second);
        assertThat(stored.previousSecret).isEqualTo(first);
        assertThat(stored.previousSecretExpiresAt).isEqualTo(expires);

        // Shown this once: reads show when the previous secret stops signing, never a secret.
        given().auth().oauth2(alice).get("/webhooks/" + id).then().statusCode(200)
                .body("secret", nullValue())
                .body("previousSecretExpiresAt", equalTo(expires.toString()));

        String third = given().auth().oauth2(alice).post("/webhooks/" + id + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");
        assertThat(third).isNotIn(first, second);
        stored = subscription(id);
        assertThat(stored.secret).isEqualTo(third);
        assertThat(stored.previousSecret).as("at most two secrets sign").isEqualTo(second);

        clock.advance(Duration.ofHours(25));
        given().auth().oauth2(alice).get("/webhooks/" + id).then().statusCode(200)
                .body("previousSecretExpiresAt", nullValue());
    }

    @Test
    void recoverRequeuesExactlyTheFailedDeliveriesSince() {
        String id = subscribe(alice, null).path("id");
        String other = subscribe(alice, null).path("id");
        Instant since = clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant delivered = since.plus(Duration.ofHours(2));
        UUID failedBefore = insertDelivery(id, "FAILED", since.minusSeconds(1), 8, null);
        UUID failedAtSince = insertDelivery(id, "FAILED", since, 8, null);
        UUID failedAfter = insertDelivery(id, "FAILED", since.plus(Duration.ofHours(1)), 3, delivered);
        UUID deliveredAfter = insertDelivery(id, "DELIVERED", since.plus(Duration.ofHours(1)), 1, delivered);
        UUID pendingAfter = insertDelivery(id, "PENDING", since.plus(Duration.ofHours(1)), 2, null);
        UUID otherFailed = insertDelivery(other, "FAILED", since.plus(Duration.ofHours(1)), 8, null);
        Map<UUID, Object[]> untouched = Map.of(failedBefore, delivery(failedBefore), deliveredAfter, delivery(deliveredAfter),
                pendingAfter, delivery(pendingAfter), otherFailed, delivery(otherFailed));

        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"since\": \"%s\"}".formatted(since))
                .post("/webhooks/" + id + "/recover")
                .then().statusCode(202).body("requeued", equalTo(2));
        Instant after = clock.instant();

        for (UUID requeued : List.of(failedAtSince, failedAfter)) {
            Object[] row = delivery(requeued);
            assertThat(row[0]).isEqualTo("PENDING");
            assertThat(((Number) row[1]).intValue()).isZero();
            assertThat(SqlTimes.instant(row[2])).isBetween(before, after);
            assertThat(row[3]).isNull();
        }
        untouched.forEach((delivery, row) -> assertThat(delivery(delivery)).as(delivery.toString()).containsExactly(row));

        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"since\": \"%s\"}".formatted(since))
                .post("/webhooks/" + id + "/recover")
                .then().statusCode(202).body("requeued", equalTo(0));
    }

    @Test
    void recoverTakesOnlyASinceThatIsNotInTheFuture() {
        String id = subscribe(alice, null).path("id");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{}", "since");
        refused.put("{\"since\": null}", "since");
        refused.put("{\"since\": \"yesterday\"}", "since");
        refused.put("{\"since\": 1796140800}", "since");
        refused.put("{\"since\": \"%s\"}".formatted(clock.instant().plus(Duration.ofHours(1))), "since");
        refused.put("{\"since\": \"2026-12-01T00:00:00Z\", \"status\": \"DELIVERED\"}", "status");
        for (Map.Entry<String, String> body : refused.entrySet()) {
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(body.getKey())
                    .post("/webhooks/" + id + "/recover")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(body.getValue()));
        }
        given().auth().oauth2(alice).contentType(ContentType.JSON).post("/webhooks/" + id + "/recover")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(alice).post("/webhooks/" + id + "/recover").then().statusCode(415);
    }

    @Test
    void anotherUsersWebhookCannotBeChangedRotatedOrRecovered() {
        String bob = Tokens.of("bob");
        String id = subscribe(alice, "CRM sync").path("id");
        UUID failed = insertDelivery(id, "FAILED", clock.instant().minus(Duration.ofHours(1)), 8, null);
        WebhookSubscription before = subscription(id);

        patch(bob, id, null, "{\"description\": \"Bob's\"}").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(bob).post("/webhooks/" + id + "/rotate-secret").then().statusCode(404);
        given().auth().oauth2(bob).contentType(ContentType.JSON).body("{\"since\": \"2026-01-01T00:00:00Z\"}")
                .post("/webhooks/" + id + "/recover").then().statusCode(404);
        patch(alice, UUID.randomUUID().toString(), null, "{\"description\": \"Nobody's\"}").then().statusCode(404);

        WebhookSubscription after = subscription(id);
        assertThat(after.description).isEqualTo("CRM sync");
        assertThat(after.secret).isEqualTo(before.secret);
        assertThat(after.previousSecret).isNull();
        assertThat(after.version).isEqualTo(before.version);
        assertThat(delivery(failed)[0]).isEqualTo("FAILED");
    }

    private ExtractableResponse<Response> subscribe(String token, String description) {
        String describe = description == null ? "" : ", \"description\": \"%s\"".formatted(description);
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.notification.*\"]%s}".formatted(receiver.url(), describe))
                .post("/webhooks")
                .then().statusCode(201).extract();
    }

    private static Response patch(String token, String id, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/webhooks/" + id);
    }

    private static WebhookSubscription subscription(String id) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookSubscription.<WebhookSubscription>findById(UUID.fromString(id)));
    }

    /** What the dispatcher does on a 410 Gone: the endpoint is disabled and its owner told. */
    private void disableAsGoneAndTellTheOwner(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription subscription = WebhookSubscription.findById(UUID.fromString(id));
            entityManager.createNativeQuery("""
                    update webhook_subscription set enabled = false, disabled_reason = 'GONE', consecutive_failures = 1,
                    failing_since = ?2, version = version + 1 where id = ?1""")
                    .setParameter(1, subscription.id).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
            notifications.open(subscription.ownerId, WebhookDispatcher.DISABLED_RULE, subscription.id, Threshold.DUE,
                    new NotificationContent(subscription.url, "Webhook disabled: " + subscription.url, "It answered 410 Gone.",
                            "/webhooks/" + subscription.id));
        });
    }

    private static String disabledNotification(String webhookId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "subjectId = ?1 and rule = ?2", UUID.fromString(webhookId), WebhookDispatcher.DISABLED_RULE)
                .singleResult().status.name());
    }

    private UUID insertDelivery(String subscriptionId, String status, Instant createdAt, int attempts, Instant deliveredAt) {
        UUID id = UUID.randomUUID();
        Instant next = status.equals("PENDING") ? createdAt.plus(Duration.ofDays(30)) : null;
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, owner_id, event_id, event_type, payload, status, attempts,
                    next_attempt_at, created_at, delivered_at)
                select ?1, s.id, s.owner_id, ?2, 'rapport.webhook.ping.v1', '{}', ?3, ?4, ?5, ?6, ?7
                from webhook_subscription s where s.id = ?8""")
                .setParameter(1, id).setParameter(2, id.toString()).setParameter(3, status).setParameter(4, attempts)
                .setParameter(5, timestamp(next))
                .setParameter(6, Timestamp.from(createdAt))
                .setParameter(7, timestamp(deliveredAt))
                .setParameter(8, UUID.fromString(subscriptionId))
                .executeUpdate());
        return id;
    }

    private static TypedParameterValue<java.util.Date> timestamp(Instant time) {
        return new TypedParameterValue<>(StandardBasicTypes.TIMESTAMP, time == null ? null : Timestamp.from(time));
    }

    /** status, attempts, next_attempt_at, delivered_at. */
    private Object[] delivery(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select status, attempts, next_attempt_at, delivered_at from webhook_delivery where id = ?1")
                .setParameter(1, id).getSingleResult());
    }
}
