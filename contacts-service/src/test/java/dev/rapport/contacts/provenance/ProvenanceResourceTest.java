package dev.rapport.contacts.provenance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ProvenanceResourceTest {

    private static final String EVENT = "5a0c8f8e-1d2b-4c3a-9e8f-7d6c5b4a3f2e";

    @Test
    void theChainRunsFromThePersonMetToTheContact() {
        String priya = create("alice", "{\"name\": \"Priya Shah\", \"metAtEventId\": \"" + EVENT + "\", \"metAtEventName\": \"the Chamber breakfast\"}")
                .then().statusCode(201).body("source", equalTo("MET_AT_EVENT")).extract().path("id");
        String sam = create("alice", "{\"name\": \"Sam Carter\", \"introducedBy\": \"" + priya + "\"}")
                .then().statusCode(201).body("source", equalTo("INTRODUCED")).body("introducedBy", equalTo(priya)).extract().path("id");
        String lee = create("alice", "{\"name\": \"Lee Park\", \"source\": \"REFERRED\", \"introducedBy\": \"" + sam + "\"}")
                .then().statusCode(201).extract().path("id");

        as("alice").get("/contacts/" + lee + "/provenance").then().statusCode(200)
                .body("contactId", equalTo(lee))
                .body("chain.contactId", contains(priya, sam, lee))
                .body("chain.source", contains("MET_AT_EVENT", "INTRODUCED", "REFERRED"))
                .body("chain[0].metAtEventId", equalTo(EVENT))
                .body("chain[0]", not(hasKey("introducedBy")))
                .body("story", equalTo("Priya Shah, met at the Chamber breakfast, introduced me to Sam Carter, who referred Lee Park"));
        as("alice").get("/contacts/" + priya + "/provenance").then().statusCode(200)
                .body("chain.contactId", contains(priya))
                .body("story", equalTo("Priya Shah, met at the Chamber breakfast"));
    }

    @Test
    void deletingAnIntroducerEndsTheChainThere() {
        String priya = id(create("alice", "{\"name\": \"Priya Shah\"}"));
        String sam = id(create("alice", "{\"name\": \"Sam Carter\", \"introducedBy\": \"" + priya + "\"}"));
        as("alice").delete("/contacts/" + priya).then().statusCode(204);
        as("alice").get("/contacts/" + sam).then().statusCode(200).body("$", not(hasKey("introducedBy")))
                .body("source", equalTo("INTRODUCED"));
        as("alice").get("/contacts/" + sam + "/provenance").then().statusCode(200)
                .body("chain.contactId", contains(sam)).body("story", equalTo("Sam Carter, introduced to me"));
    }

    @Test
    void aLoopAnUnknownIntroducerOrADisagreeingSourceIsRefusedAndChangesNothing() {
        String priya = id(create("alice", "{\"name\": \"Priya Shah\"}"));
        String sam = id(create("alice", "{\"name\": \"Sam Carter\", \"introducedBy\": \"" + priya + "\"}"));
        String lee = id(create("alice", "{\"name\": \"Lee Park\", \"introducedBy\": \"" + sam + "\"}"));

        patch(priya, "{\"source\": \"INTRODUCED\", \"introducedBy\": \"" + lee + "\"}").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://rapport.dev/problems/provenance-cycle"));
        patch(priya, "{\"source\": \"INTRODUCED\", \"introducedBy\": \"" + priya + "\"}").then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/provenance-cycle"));
        patch(priya, "{\"source\": \"INTRODUCED\", \"introducedBy\": \"" + UUID.randomUUID() + "\"}").then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/unknown-contact"));
        String bobs = id(create("bob", "{\"name\": \"Bob's contact\"}"));
        patch(priya, "{\"source\": \"INTRODUCED\", \"introducedBy\": \"" + bobs + "\"}").then().statusCode(422);
        patch(sam, "{\"source\": \"OTHER\"}").then().statusCode(400).body("errors.field", hasItem("introducedBy"));
        create("alice", "{\"name\": \"Kim\", \"source\": \"REFERRED\", \"metAtEventName\": \"Expo\"}").then().statusCode(400)
                .body("errors.field", hasItem("metAtEventName"));

        as("alice").get("/contacts/" + priya).then().body("source", equalTo("OTHER")).body("$", not(hasKey("introducedBy")));
        as("alice").get("/contacts/" + lee + "/provenance").then().body("chain.contactId", contains(priya, sam, lee));
    }

    @Test
    void anotherOwnersContactHasNoProvenanceForYou() {
        String priya = id(create("alice", "{\"name\": \"Priya Shah\"}"));
        as("bob").get("/contacts/" + priya + "/provenance").then().statusCode(404).contentType("application/problem+json");
        as("alice").get("/contacts/" + UUID.randomUUID() + "/provenance").then().statusCode(404);
    }

    private static Response create(String user, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/contacts");
    }

    private static Response patch(String id, String body) {
        return as("alice").contentType("application/merge-patch+json").body(body).patch("/contacts/" + id);
    }

    private static String id(Response created) {
        return created.then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
