package dev.rapport.systemtests;

import static dev.rapport.systemtests.Deployment.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The README's second walk-through: a contact goes from PROSPECT to PARTNER through two held
 * one-to-ones (meetings-service's events move the stage in contacts-service) and a reservation
 * raised and resolved, all through the edge.
 */
class FromProspectToPartnerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void twoOneToOnesAndAResolvedReservationMakeAPartner() {
        String priya = as("alice").contentType(ContentType.JSON)
                .body("{\"name\": \"Priya Shah\", \"metAtEventName\": \"Chamber of Commerce breakfast\", \"business\": \"Commercial property lettings\"}")
                .post("/contacts").then().statusCode(201).extract().path("id");

        hold(schedule(priya, "DISCOVERY"));
        awaitStage(priya, "EXPLORING");
        hold(schedule(priya, "REFERRAL_FIT"));
        awaitStage(priya, "QUALIFYING");

        String reservation = as("alice").contentType(ContentType.JSON)
                .body("{\"holder\": \"THEM\", \"concern\": \"REACH\", \"note\": \"Doubts I know enough landlords\"}")
                .post("/contacts/" + priya + "/reservations").then().statusCode(201).extract().path("id");
        as("alice").contentType(ContentType.JSON).body("{\"to\": \"PARTNER\"}").post("/contacts/" + priya + "/stage")
                .then().statusCode(409).body("type", containsString("open-reservations"));
        as("alice").contentType(ContentType.JSON).body("{\"note\": \"Introduced two landlords; convinced\"}")
                .post("/contacts/" + priya + "/reservations/" + reservation + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        as("alice").contentType(ContentType.JSON).body("{\"to\": \"PARTNER\"}").post("/contacts/" + priya + "/stage")
                .then().statusCode(200).body("stage", equalTo("PARTNER"));

        List<String> stages = as("alice").get("/contacts/" + priya + "/stages").path("items.to");
        assertThat(stages).containsExactly("PROSPECT", "INVITED", "EXPLORING", "QUALIFYING", "PARTNER");
        as("alice").get("/contacts/" + priya + "/provenance").then().statusCode(200)
                .body("story", equalTo("Priya Shah, met at Chamber of Commerce breakfast"));
    }

    /** Schedules a one-to-one, once meetings-service knows the contact from its event. */
    private static String schedule(String contact, String stage) {
        String[] id = new String[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            var reply = as("alice").contentType(ContentType.JSON)
                    .body("{\"contactId\": \"" + contact + "\", \"stage\": \"" + stage + "\", \"scheduledFor\": \"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"}")
                    .post("/one-to-ones");
            assertThat(reply.statusCode()).as(reply.asString()).isIn(201, 422);
            id[0] = reply.statusCode() == 201 ? reply.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private static void hold(String meeting) {
        as("alice").contentType(ContentType.JSON)
                .body("{\"heldAt\": \"" + Instant.now().minusSeconds(1) + "\", \"askedWhoTheyKnow\": true, \"bothAgreedToFollowUp\": true}")
                .post("/one-to-ones/" + meeting + "/held").then().statusCode(200);
    }

    private static void awaitStage(String contact, String stage) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as("alice").get("/contacts/" + contact).<String>path("stage")).isEqualTo(stage));
    }
}
