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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The right to be forgotten for a whole account, through the admin API: erin, known to every
 * service (contacts, a one-to-one, a touchpoint, referrals with their ledger, a webhook with its
 * deliveries, inbox projections), is erased by an administrator; then every service's export of
 * her account is empty and no row of any table of any database mentions her id, her records'
 * ids or her contacts' names, except the record that she was erased.
 */
class AccountErasureIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> DATABASES = List.of("contacts", "meetings", "referrals", "notifications");
    private static final List<String> SERVICES = List.of("contacts-service", "meetings-service", "referrals-service", "notifications-service");

    @Test
    void anErasedAccountLeavesNothingInAnyDatabase() throws Exception {
        String erin = Deployment.subjectOf("erin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Quinn Account " + tag;
        String email = "quinn." + tag + "@account.example";
        String alicesContact = as("alice").contentType(ContentType.JSON).body("{\"name\": \"Alice's " + tag + "\"}")
                .post("/contacts").then().statusCode(201).extract().path("id");
        List<String> needles = new ArrayList<>(List.of(erin, name, email));

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response subscribed = as("erin").contentType(ContentType.JSON)
                    .body("{\"url\": \"%s\", \"eventTypes\": [\"rapport.contact.*\", \"rapport.referral.*\"]}".formatted(receiver.url()))
                    .post("/webhooks");
            subscribed.then().statusCode(201);
            receiver.trust(subscribed.path("secret"));
            String person = as("erin").contentType(ContentType.JSON).header("Idempotency-Key", "account-" + tag)
                    .body("{\"name\": \"%s\", \"email\": \"%s\"}".formatted(name, email))
                    .post("/contacts").then().statusCode(201).extract().path("id");
            String partner = as("erin").contentType(ContentType.JSON).body("{\"name\": \"Pat Account " + tag + "\"}")
                    .post("/contacts").then().statusCode(201).extract().path("id");
            Instant earlier = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            needles.add(patiently("/one-to-ones", """
                    {"contactId": "%s", "stage": "DISCOVERY", "scheduledFor": "%s"}""".formatted(person, earlier)));
            needles.add(patiently("/touchpoints", """
                    {"contactId": "%s", "kind": "CALL", "occurredAt": "%s"}""".formatted(person, earlier)));
            needles.add(patiently("/referrals", """
                    {"direction": "GIVEN", "partnerId": "%s", "referredContactId": "%s", "occurredAt": "%s"}"""
                    .formatted(partner, person, earlier)));
            needles.addAll(List.of(person, partner));
            await().atMost(PATIENCE).until(() -> receiver.deliveries().stream().anyMatch(d -> d.body().toString().contains(name))
                    && !export("notifications-service", erin).getList("tables.contact_activity").isEmpty());
            assertThat(tablesMentioning(needles)).isNotEmpty();

            as("alice").delete("/admin/accounts/" + erin).then().statusCode(403);
            long erasing = System.nanoTime();
            as("admin").delete("/admin/accounts/" + erin).then().statusCode(202);

            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (String service : SERVICES) {
                    JsonPath exported = export(service, erin);
                    assertThat(exported.getString("erasedAt")).as(service).isNotNull();
                    Map<String, List<Map<String, Object>>> tables = exported.getMap("tables");
                    tables.forEach((table, rows) -> assertThat(rows.stream()
                            .filter(row -> !"rapport.account.erased.v1".equals(row.get("type"))).toList())
                            .as(service + " " + table).isEmpty());
                }
            });
            List<String> mentioning = tablesMentioning(needles);
            System.out.printf("Erased an account known to every service: every export empty after %d ms%n",
                    Duration.ofNanos(System.nanoTime() - erasing).toMillis());
            // What remains: each service's record of the erasure, contacts-service's announcement of it.
            assertThat(mentioning).containsExactlyInAnyOrder("contacts.erased_account", "contacts.outbox_event", "meetings.erased_account",
                    "referrals.erased_account", "notifications.erased_account");
        }
        as("alice").get("/contacts/" + alicesContact).then().statusCode(200);
        // The account can start again: the user is still in Keycloak.
        as("erin").get("/contacts").then().statusCode(200);
    }

    private static JsonPath export(String service, String ownerId) {
        return as("admin").get("/admin/" + service + "/accounts/" + ownerId).then().statusCode(200).extract().jsonPath();
    }

    /** A valid POST naming a contact, retried while the service has not learnt of the contact yet (422); the id created. */
    private static String patiently(String path, String body) {
        String[] created = new String[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response reply = as("erin").contentType(ContentType.JSON).body(body).post(path);
            assertThat(reply.statusCode()).as(path + " " + reply.asString()).isIn(201, 422);
            created[0] = reply.statusCode() == 201 ? reply.path("id") : null;
            return created[0] != null;
        });
        return created[0];
    }

    /** "database.table" for every table of every database with a row whose text mentions one of the needles. */
    private static List<String> tablesMentioning(List<String> needles) {
        String patterns = needles.stream().map(needle -> "\"%" + needle + "%\"").collect(Collectors.joining(",", "{", "}"));
        List<String> found = new ArrayList<>();
        for (String database : DATABASES) {
            List<String> tables = Operator.column(database, """
                    select table_name from information_schema.tables
                    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""");
            String search = tables.stream()
                    .map(table -> "(select '%s.%s' from %s t where t::text like any (cast(? as text[])) limit 1)".formatted(database, table, table))
                    .collect(Collectors.joining(" union all "));
            found.addAll(Operator.column(database, search, Collections.nCopies(tables.size(), patterns).toArray()));
        }
        return found;
    }
}
