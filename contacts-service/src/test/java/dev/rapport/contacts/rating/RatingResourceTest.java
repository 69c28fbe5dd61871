package dev.rapport.contacts.rating;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.contacts.OutboxRows;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class RatingResourceTest {

    @Inject
    OutboxRows outbox;

    @Test
    void aRatingBecomesTheContactsLatestAndJoinsItsHistory() throws Exception {
        String contact = createContact("alice", "{\"name\": \"Pat Lee\"}");
        as("alice").get(contact).then().statusCode(200).body("$", not(hasKey("knowLikeTrust")));
        String etagBefore = as("alice").get(contact).header("ETag");

        rate(contact, "{\"know\": 2, \"like\": 4, \"trust\": 1}").then().statusCode(201)
                .header("Location", equalTo(contact + "/ratings"))
                .body("know", equalTo(2)).body("like", equalTo(4)).body("trust", equalTo(1))
                .body("$", not(hasKey("note")))
                .body("ratedAt", notNullValue());
        Response latest = rate(contact, "{\"know\": 4, \"like\": 5, \"trust\": 3, \"note\": \"  Delivered the intro  \"}");
        latest.then().statusCode(201).body("note", equalTo("Delivered the intro"));

        Response read = as("alice").get(contact);
        read.then().statusCode(200)
                .body("knowLikeTrust.know", equalTo(4))
                .body("knowLikeTrust.like", equalTo(5))
                .body("knowLikeTrust.trust", equalTo(3))
                .body("knowLikeTrust.ratedAt", equalTo(latest.path("ratedAt")));
        assertThat(read.header("ETag")).isNotEqualTo(etagBefore);

        as("alice").get(contact + "/ratings").then().statusCode(200)
                .body("items.trust", contains(3, 1))
                .body("items.note", contains("Delivered the intro", null));
        as("alice").queryParam("limit", 1).get(contact + "/ratings").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", notNullValue());

        List<JsonNode> events = outbox.payloads(idOf(contact), "rapport.contact.rated.v1");
        assertThat(events).hasSize(2);
        JsonNode last = events.get(1);
        assertThat(last.path("contactId").asText()).isEqualTo(idOf(contact).toString());
        assertThat(last.path("know").asInt()).isEqualTo(4);
        assertThat(last.path("like").asInt()).isEqualTo(5);
        assertThat(last.path("trust").asInt()).isEqualTo(3);
        assertThat(last.has("note")).as("the note stays in contacts-service").isFalse();
    }

    @Test
    void ratingsOutOfRangeOrIncompleteAreRefusedAndChangeNothing() throws Exception {
        String contact = createContact("alice", "{\"name\": \"Pat Lee\"}");
        for (String body : List.of("{\"know\": 6, \"like\": 1, \"trust\": 1}", "{\"know\": 1, \"like\": -1, \"trust\": 1}",
                "{\"know\": 1, \"like\": 1}", "{\"know\": 1.5, \"like\": 1, \"trust\": 1}", "{\"know\": \"3\", \"like\": 1, \"trust\": 1}",
                "{\"know\": 1, \"like\": 1, \"trust\": 1, \"stars\": 5}", "{\"know\": 1, \"like\": 1, \"trust\": 1, \"note\": \"" + "x".repeat(2001) + "\"}")) {
            rate(contact, body).then().statusCode(400).contentType("application/problem+json");
        }
        as("alice").get(contact + "/ratings").then().statusCode(200).body("items", hasSize(0));
        as("alice").get(contact).then().body("$", not(hasKey("knowLikeTrust")));
        assertThat(outbox.payloads(idOf(contact), "rapport.contact.rated.v1")).isEmpty();
    }

    @Test
    void anotherOwnersContactIsNotFound() {
        String contact = createContact("alice", "{\"name\": \"Pat Lee\"}");
        as("bob").contentType(ContentType.JSON).body("{\"know\": 1, \"like\": 1, \"trust\": 1}").post(contact + "/ratings")
                .then().statusCode(404).contentType("application/problem+json");
        as("bob").get(contact + "/ratings").then().statusCode(404);
        as("alice").get(contact + "/ratings").then().statusCode(200).body("items", hasSize(0));
        rate("/contacts/" + UUID.randomUUID(), "{\"know\": 1, \"like\": 1, \"trust\": 1}").then().statusCode(404);
    }

    @Test
    void aStayInTouchCadenceIsKeptAnsweredInDaysAndPublished() throws Exception {
        String contact = createContact("alice", "{\"name\": \"Pat Lee\", \"stayInTouchEvery\": \"PT336H\"}");
        as("alice").get(contact).then().body("stayInTouchEvery", equalTo("P14D"));
        assertThat(outbox.payloads(idOf(contact), "rapport.contact.created.v1").get(0).path("stayInTouchEvery").asText()).isEqualTo("P14D");

        as("alice").contentType("application/merge-patch+json").body("{\"stayInTouchEvery\": \"PT12H\"}").patch(contact)
                .then().statusCode(200).body("stayInTouchEvery", equalTo("PT12H"));
        as("alice").contentType("application/merge-patch+json").body("{\"stayInTouchEvery\": null}").patch(contact)
                .then().statusCode(200).body("$", not(hasKey("stayInTouchEvery")));
        List<JsonNode> updates = outbox.payloads(idOf(contact), "rapport.contact.updated.v1");
        assertThat(updates).extracting(u -> u.path("stayInTouchEvery").asText(null)).containsExactly("PT12H", null);

        for (String cadence : List.of("P1M", "P1Y", "PT0S", "P3651D", "30 days", "P")) {
            as("alice").contentType("application/merge-patch+json").body("{\"stayInTouchEvery\": \"" + cadence + "\"}").patch(contact)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("stayInTouchEvery"));
        }
        as("alice").get(contact).then().body("$", not(hasKey("stayInTouchEvery")));
    }

    private static Response rate(String contact, String body) {
        return as("alice").contentType(ContentType.JSON).body(body).post(contact + "/ratings");
    }

    private static String createContact(String user, String body) {
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
