package dev.rapport.systemtests;

import static dev.rapport.systemtests.Deployment.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The right to be forgotten, checked where the data lands: a person known to every service —
 * a contact, met at a one-to-one and in touch by a touchpoint, referred to a partner and a
 * partner themselves, in webhook deliveries and in stored Idempotency-Key answers — is erased,
 * and then no text column of any table of any service's database holds their name, email or
 * phone (outbox rows, replicas, projections, notifications, webhook payloads, stored answers).
 */
class ErasureEverywhereIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> DATABASES = List.of("contacts", "meetings", "referrals", "notifications");

    @Test
    void anErasedPersonsNameEmailAndPhoneAreInNoDatabase() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erin Erasable " + tag;
        String email = "erin." + tag + "@erasable.example";
        String phone = "+44 20 7946 " + (1000 + Math.floorMod(tag.hashCode(), 9000));
        List<String> needles = List.of(name, email, phone);

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response subscribed = as("alice").contentType(ContentType.JSON)
                    .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.contact.*\", \"rapport.referral.*\", \"rapport.meeting.*\"]}"
                            .formatted(receiver.url()))
                    .post("/webhooks");
            subscribed.then().statusCode(201);
            receiver.trust(subscribed.path("secret"));
            String webhook = subscribed.path("id");
            try {
                String person = as("alice").contentType(ContentType.JSON).header("Idempotency-Key", "erasure-" + tag)
                        .body("{\"name\": \"%s\", \"email\": \"%s\", \"phone\": \"%s\", \"company\": \"Erasable Ltd\"}"
                                .formatted(name, email, phone))
                        .post("/contacts").then().statusCode(201).extract().path("id");
                String partner = as("alice").contentType(ContentType.JSON).body("{\"name\": \"Pat Partner " + tag + "\"}")
                        .post("/contacts").then().statusCode(201).extract().path("id");

                Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
                patiently("/one-to-ones", "erasure-meeting-" + tag, """
                        {"contactId": "%s", "stage": "DISCOVERY", "scheduledFor": "%s"}""".formatted(person, earlier));
                patiently("/touchpoints", null, """
                        {"contactId": "%s", "kind": "CALL", "occurredAt": "%s"}""".formatted(person, earlier));
                patiently("/referrals", "erasure-referral-" + tag, """
                        {"direction": "GIVEN", "partnerId": "%s", "referredContactId": "%s", "occurredAt": "%s"}"""
                        .formatted(partner, person, earlier));
                patiently("/referrals", null, """
                        {"direction": "RECEIVED", "partnerId": "%s", "referredName": "Someone else", "occurredAt": "%s"}"""
                        .formatted(person, earlier));
                // Known everywhere: the notifications projection has the name, a webhook delivery the created event.
                await().atMost(PATIENCE).until(() -> !tablesHolding(List.of(name), List.of("notifications")).isEmpty()
                        && receiver.deliveries().stream().anyMatch(d -> d.body().toString().contains(name)));

                long erasing = System.nanoTime();
                as("alice").delete("/contacts/" + person + "?erase=true").then().statusCode(204);

                List<String> holding = new ArrayList<>();
                try {
                    await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                        holding.clear();
                        holding.addAll(tablesHolding(needles, DATABASES));
                        return holding.isEmpty();
                    });
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    // the assertion below names what still holds the person
                }
                System.out.printf("Erased a person known to every service: gone from every database after %d ms%n",
                        Duration.ofNanos(System.nanoTime() - erasing).toMillis());
                assertThat(holding).as("columns still holding the erased person's name, email or phone").isEmpty();
            } finally {
                as("alice").delete("/webhooks/" + webhook).then().statusCode(204);
            }
        }
    }

    /** A valid POST naming a contact, retried while the service has not learnt of the contact yet (422). */
    private static void patiently(String path, String idempotencyKey, String body) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            var request = as("alice").contentType(ContentType.JSON).body(body);
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey + "-" + UUID.randomUUID());
            }
            Response reply = request.post(path);
            assertThat(reply.statusCode()).as(path + " " + reply.asString()).isIn(201, 422);
            return reply.statusCode() == 201;
        });
    }

    /** "database.table.column" for every text-like column of every table that contains one of the needles: one query per database. */
    private static List<String> tablesHolding(List<String> needles, List<String> databases) {
        String patterns = needles.stream().map(needle -> "\"%" + needle + "%\"").collect(Collectors.joining(",", "{", "}"));
        List<String> holding = new ArrayList<>();
        for (String database : databases) {
            List<String> columns = Operator.column(database, """
                    select c.table_name || '.' || c.column_name from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                      and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
                      and c.table_name <> 'flyway_schema_history'""");
            String search = columns.stream().map(column -> {
                String[] parts = column.split("\\.");
                return "(select '%s.%s' from %s where %s::text like any (cast(? as text[])) limit 1)"
                        .formatted(database, column, parts[0], parts[1]);
            }).collect(Collectors.joining(" union all "));
            holding.addAll(Operator.column(database, search, Collections.nCopies(columns.size(), patterns).toArray()));
        }
        return holding;
    }
}
