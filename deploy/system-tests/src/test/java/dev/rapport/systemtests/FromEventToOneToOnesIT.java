package dev.rapport.systemtests;

import static dev.rapport.systemtests.Deployment.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The README's third walk-through: three business cards collected at a networking event, three
 * invitations answered three ways, a discovery one-to-one held, and the names given there
 * appearing as new contacts connected to the person who gave them, all through the edge.
 */
class FromEventToOneToOnesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void threePeopleMetThreeInvitationsAnsweredAndTheNamesGivenBecomeContacts() {
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String event = as("alice").contentType(ContentType.JSON)
                .body("{\"name\": \"Chamber of Commerce breakfast\", \"startsAt\": \"%s\", \"endsAt\": \"%s\", \"place\": \"Grand Hotel\"}"
                        .formatted(start, start.plus(90, ChronoUnit.MINUTES)))
                .post("/networking-events").then().statusCode(201).extract().path("id");

        String priya = card(event, "Priya Shah", "Shah Lettings");
        String sam = card(event, "Sam Carter", "Carter & Co");
        String lee = card(event, "Lee Park", "Park Print");
        await().atMost(PATIENCE).untilAsserted(() -> as("alice").get("/networking-events/" + event + "/follow-up")
                .then().statusCode(200).body("met", equalTo(3)));

        String priyas = invite(priya);
        as("alice").post("/one-to-ones/" + invite(sam) + "/decline").then().statusCode(200);
        as("alice").post("/one-to-ones/" + invite(lee) + "/no-response").then().statusCode(200);
        as("alice").post("/one-to-ones/" + priyas + "/accept").then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body("{\"scheduledFor\": \"%s\", \"location\": \"Café Rouge\"}"
                .formatted(Instant.now().plus(1, ChronoUnit.DAYS))).post("/one-to-ones/" + priyas + "/schedule").then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body("""
                {"heldAt": "%s", "askedWhoTheyKnow": true, "bothAgreedToFollowUp": true,
                 "namesGiven": [{"name": "Jo Bloggs", "company": "Bloggs Builders", "note": "Needs a letting agent"}]}"""
                .formatted(Instant.now().minusSeconds(1)))
                .post("/one-to-ones/" + priyas + "/held").then().statusCode(200);

        as("alice").get("/networking-events/" + event + "/follow-up").then().statusCode(200)
                .body("met", equalTo(3)).body("invited", equalTo(3)).body("accepted", equalTo(1))
                .body("declined", equalTo(2)).body("held", equalTo(1)).body("completion", equalTo(0.3333f));
        awaitStage(priya, "EXPLORING");
        awaitStage(sam, "DECLINED");
        awaitStage(lee, "DECLINED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as("alice").get("/contacts/" + priya + "/connections")
                .<List<String>>path("items.name")).containsExactly("Jo Bloggs"));
        as("alice").get("/one-to-ones/" + priyas + "/history").then().statusCode(200)
                .body("to", equalTo(List.of("INVITED", "ACCEPTED", "SCHEDULED", "HELD")));
    }

    /** A business card collected at the event: a contact created as met there joins the people met. */
    private static String card(String event, String name, String company) {
        return as("alice").contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"company\": \"%s\", \"metAtEventId\": \"%s\", \"metAtEventName\": \"Chamber of Commerce breakfast\"}"
                        .formatted(name, company, event))
                .post("/contacts").then().statusCode(201).extract().path("id");
    }

    /** Invites a contact to a discovery one-to-one, once meetings-service knows the contact. */
    private static String invite(String contact) {
        String[] id = new String[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            var reply = as("alice").contentType(ContentType.JSON)
                    .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\", \"status\": \"INVITED\"}".formatted(contact))
                    .post("/one-to-ones");
            assertThat(reply.statusCode()).as(reply.asString()).isIn(201, 422);
            id[0] = reply.statusCode() == 201 ? reply.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private static void awaitStage(String contact, String stage) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as("alice").get("/contacts/" + contact).<String>path("stage")).isEqualTo(stage));
    }
}
