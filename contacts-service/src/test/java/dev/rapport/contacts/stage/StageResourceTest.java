package dev.rapport.contacts.stage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.contacts.OutboxRows;
import dev.rapport.contacts.events.ContactCreated;
import dev.rapport.contacts.events.ContactStageChanged;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class StageResourceTest {

    @Inject
    OutboxRows outbox;

    @Test
    void aContactWalksToPartnerAndItsHistoryReadsBackOldestFirst() {
        Response created = as("alice").contentType(ContentType.JSON).body("{\"name\": \"Sam Carter\"}").post("/contacts");
        created.then().statusCode(201).body("stage", equalTo("PROSPECT"));
        String location = created.header("Location");
        String etag = created.header("ETag");

        for (String to : List.of("INVITED", "EXPLORING", "QUALIFYING", "PARTNER")) {
            Response moved = move(location, etag, "{\"to\": \"" + to + "\", \"reason\": \"next step " + to + "\"}");
            moved.then().statusCode(200)
                    .body("stage", equalTo(to))
                    .body("name", equalTo("Sam Carter"))
                    .header("ETag", not(equalTo(etag)));
            etag = moved.header("ETag");
        }
        as("alice").get(location).then().statusCode(200).body("stage", equalTo("PARTNER")).header("ETag", equalTo(etag));

        as("alice").get(location + "/stages").then().statusCode(200)
                .body("items.from", contains(null, "PROSPECT", "INVITED", "EXPLORING", "QUALIFYING"))
                .body("items.to", contains("PROSPECT", "INVITED", "EXPLORING", "QUALIFYING", "PARTNER"))
                .body("items.reason", contains(null, "next step INVITED", "next step EXPLORING", "next step QUALIFYING", "next step PARTNER"))
                .body("items.at", everyItem(notNullValue()))
                .body("items[0]", not(hasKey("from")))
                .body("nextCursor", nullValue());
    }

    @Test
    void historyPagesWithTheOpaqueCursor() {
        String location = create("alice");
        move(location, null, "{\"to\": \"INVITED\"}").then().statusCode(200);
        move(location, null, "{\"to\": \"DECLINED\", \"reason\": \"No reply\"}").then().statusCode(200);
        move(location, null, "{\"to\": \"PROSPECT\"}").then().statusCode(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as("alice").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(location + "/stages");
            page.then().statusCode(200);
            seen.addAll(page.path("items.to"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("PROSPECT", "INVITED", "DECLINED", "PROSPECT");
        assertThat(pages).isEqualTo(2);
        as("alice").queryParam("limit", 0).get(location + "/stages").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void anIllegalMoveAnswers409NamingTheAllowedStagesAndChangesNothing() throws SQLException {
        Response created = as("alice").contentType(ContentType.JSON).body("{\"name\": \"Kim\"}").post("/contacts");
        String location = created.header("Location");
        UUID id = idOf(location);

        move(location, null, "{\"to\": \"PARTNER\"}").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/illegal-stage-change"))
                .body("detail", equalTo("A contact in stage PROSPECT cannot move to PARTNER; allowed: INVITED, DECLINED, CLOSED"));
        move(location, null, "{\"to\": \"PROSPECT\"}").then().statusCode(409)
                .body("detail", containsString("allowed: INVITED, DECLINED, CLOSED"));

        as("alice").get(location).then().statusCode(200)
                .body("stage", equalTo("PROSPECT"))
                .header("ETag", equalTo(created.header("ETag")));
        as("alice").get(location + "/stages").then().body("items", hasSize(1));
        assertThat(outbox.types(id)).containsExactly(ContactCreated.TYPE);
    }

    @Test
    void closingNeedsAReasonAndReopeningStartsOverAsProspect() {
        String location = create("alice");
        move(location, null, "{\"to\": \"INVITED\"}").then().statusCode(200);
        move(location, null, "{\"to\": \"CLOSED\"}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("reason"));
        move(location, null, "{\"to\": \"CLOSED\", \"reason\": \"  \"}").then().statusCode(400)
                .body("errors.field", contains("reason"));
        as("alice").get(location).then().body("stage", equalTo("INVITED"));

        move(location, null, "{\"to\": \"CLOSED\", \"reason\": \"Moved abroad\"}").then().statusCode(200).body("stage", equalTo("CLOSED"));
        move(location, null, "{\"to\": \"EXPLORING\"}").then().statusCode(409)
                .body("detail", containsString("allowed: PROSPECT, DECLINED"));
        move(location, null, "{\"to\": \"PROSPECT\"}").then().statusCode(200).body("stage", equalTo("PROSPECT"));

        as("alice").get(location + "/stages").then()
                .body("items.to", contains("PROSPECT", "INVITED", "CLOSED", "PROSPECT"))
                .body("items[2].reason", equalTo("Moved abroad"));
    }

    @Test
    void badBodiesAnswer400() {
        String location = create("alice");
        move(location, null, "{\"to\": \"invited\"}").then().statusCode(400).body("errors[0].field", equalTo("to"));
        move(location, null, "{\"reason\": \"why not\"}").then().statusCode(400).body("errors.field", hasItem("to"));
        move(location, null, "{\"to\": \"INVITED\", \"stage\": \"INVITED\"}").then().statusCode(400)
                .body("errors[0].message", equalTo("unknown property"));
        move(location, null, "{\"to\": \"DECLINED\", \"reason\": \"" + "x".repeat(501) + "\"}").then().statusCode(400)
                .body("errors.field", contains("reason"));
        // The stage is not part of the profile: profile writes cannot skip the machine.
        as("alice").contentType("application/merge-patch+json").body("{\"stage\": \"PARTNER\"}")
                .patch(location).then().statusCode(400).body("errors[0].field", equalTo("stage"));
        as("alice").get(location).then().body("stage", equalTo("PROSPECT"));
    }

    @Test
    void staleIfMatchAnswers412AndChangesNothing() {
        Response created = as("alice").contentType(ContentType.JSON).body("{\"name\": \"Lee\"}").post("/contacts");
        String location = created.header("Location");
        String first = created.header("ETag");
        String second = move(location, first, "{\"to\": \"INVITED\"}").then().statusCode(200).extract().header("ETag");

        move(location, first, "{\"to\": \"DECLINED\"}").then().statusCode(412).contentType("application/problem+json");
        as("alice").get(location).then().body("stage", equalTo("INVITED")).header("ETag", equalTo(second));
        // A profile write made from the old ETag is refused too: the stage change is a change of the contact.
        as("alice").header("If-Match", first).contentType(ContentType.JSON).body("{\"name\": \"Lee\"}")
                .put(location).then().statusCode(412);
    }

    @Test
    void anotherUsersContactIsNotFoundForBothEndpoints() {
        String location = create("alice");
        move(location, null, "{\"to\": \"INVITED\"}", "bob").then().statusCode(404).contentType("application/problem+json");
        as("bob").get(location + "/stages").then().statusCode(404).contentType("application/problem+json");
        as("alice").get(location).then().body("stage", equalTo("PROSPECT"));
        as("alice").get("/contacts/" + UUID.randomUUID() + "/stages").then().statusCode(404);
    }

    @Test
    void aChangePublishesStageChangedThroughTheOutbox() throws Exception {
        try (TopicReader topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.contacts-service.contacts.v1")) {
            String location = create("alice");
            UUID id = idOf(location);
            move(location, null, "{\"to\": \"DECLINED\", \"reason\": \"Not looking for partners\"}").then().statusCode(200);

            assertThat(outbox.types(id)).containsExactly(ContactCreated.TYPE, ContactStageChanged.TYPE);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(id))).hasSize(2));
            List<ConsumerRecord<String, String>> events = topic.poll(TopicReader.withSubject(id));
            assertThat(TopicReader.header(events.get(1), "ce_type")).isEqualTo(ContactStageChanged.TYPE);
            assertThat(events.get(1).key()).isEqualTo(Tokens.subjectOf("alice"));
            JsonNode created = new ObjectMapper().readTree(events.get(0).value());
            JsonNode changed = new ObjectMapper().readTree(events.get(1).value());
            assertThat(created.path("stage").asText()).isEqualTo("PROSPECT");
            assertThat(changed.path("contactId").asText()).isEqualTo(id.toString());
            assertThat(changed.path("from").asText()).isEqualTo("PROSPECT");
            assertThat(changed.path("to").asText()).isEqualTo("DECLINED");
            assertThat(changed.path("reason").asText()).isEqualTo("Not looking for partners");
            String at = as("alice").get(location + "/stages").path("items[1].at");
            assertThat(changed.path("at").asText()).isEqualTo(at);
        }
    }

    @Test
    void theListFiltersByStageAndTagTogether() {
        String tag = "stage-" + UUID.randomUUID();
        String prospect = create("alice", tag);
        String invited = create("alice", tag);
        String exploring = create("alice", tag);
        String untagged = create("alice", null);
        for (String location : List.of(invited, exploring, untagged)) {
            move(location, null, "{\"to\": \"INVITED\"}").then().statusCode(200);
        }
        move(exploring, null, "{\"to\": \"EXPLORING\"}").then().statusCode(200);

        as("alice").queryParam("tag", tag).queryParam("stage", "INVITED").get("/contacts").then().statusCode(200)
                .body("items.id", contains(idOf(invited).toString()));
        as("alice").queryParam("tag", tag).queryParam("stage", "EXPLORING").get("/contacts").then()
                .body("items.id", contains(idOf(exploring).toString()))
                .body("items[0].stage", equalTo("EXPLORING"));
        as("alice").queryParam("tag", tag).queryParam("stage", "PROSPECT").get("/contacts").then()
                .body("items.id", contains(idOf(prospect).toString()));
        as("alice").queryParam("tag", tag).get("/contacts").then().body("items", hasSize(3));
        as("alice").queryParam("stage", "INVITED").get("/contacts").then()
                .body("items.id", hasItem(idOf(untagged).toString()))
                .body("items.stage", everyItem(equalTo("INVITED")));
        as("bob").queryParam("stage", "INVITED").get("/contacts").then()
                .body("items.id", not(hasItem(idOf(invited).toString())));
        as("alice").queryParam("stage", "invited").get("/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        as("alice").queryParam("stage", "").get("/contacts").then().statusCode(400);
    }

    private static Response move(String location, String ifMatch, String body) {
        return move(location, ifMatch, body, "alice");
    }

    private static Response move(String location, String ifMatch, String body, String user) {
        RequestSpecification request = as(user).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(location + "/stage");
    }

    private static String create(String user) {
        return create(user, null);
    }

    private static String create(String user, String tag) {
        String body = tag == null ? "{\"name\": \"Pat Lee\"}" : "{\"name\": \"Pat Lee\", \"tags\": [\"" + tag + "\"]}";
        return as(user).contentType(ContentType.JSON).body(body).post("/contacts")
                .then().statusCode(201).extract().header("Location");
    }

    private static UUID idOf(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
