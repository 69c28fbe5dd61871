package dev.rapport.contacts.meetings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.CloudEventProducer;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** meetings-service's events, published on the test topic as its outbox relay would, move stages. */
@QuarkusTest
class MeetingDrivenStagesTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private final CloudEventProducer meetings = new CloudEventProducer(KafkaTopics.SHARED_BROKER, "test.rapport.meetings.v1",
            "/rapport/meetings-service");
    private final String alice = Tokens.subjectOf("alice");

    @AfterEach
    void close() {
        meetings.close();
    }

    @Test
    void invitationThenDiscoveryThenReferralFitTakeAProspectToQualifying() {
        String contact = createContact();
        Instant t = Instant.now();
        invitation("sent", contact, t.plusSeconds(1));
        awaitStage(contact, "INVITED");
        held(UUID.randomUUID().toString(), contact, "DISCOVERY", t.plusSeconds(2));
        awaitStage(contact, "EXPLORING");
        held(UUID.randomUUID().toString(), contact, "CHECK_IN", t.plusSeconds(3));
        held(UUID.randomUUID().toString(), contact, "REFERRAL_FIT", t.plusSeconds(4));
        awaitStage(contact, "QUALIFYING");
        assertThat(history(contact)).containsExactly("PROSPECT", "INVITED", "EXPLORING", "QUALIFYING");
        assertThat(reasons(contact).get(2)).startsWith("Discovery one-to-one held (meeting ");
    }

    @Test
    void theSameEventTwiceMovesOnceAndALateOneNeverMovesBack() {
        String contact = createContact();
        Instant t = Instant.now();
        String discovery = UUID.randomUUID().toString();
        held(discovery, contact, "DISCOVERY", t.plusSeconds(2));
        held(discovery, contact, "DISCOVERY", t.plusSeconds(2));
        awaitStage(contact, "EXPLORING");
        // Late: the invitation sent before the meeting, and a decline of an older invitation.
        invitation("sent", contact, t.plusSeconds(1));
        invitation("declined", contact, t);
        String marker = createContact();
        invitation("sent", marker, t);
        awaitStage(marker, "INVITED"); // the events before it on the topic have been applied
        assertThat(history(contact)).containsExactly("PROSPECT", "INVITED", "EXPLORING");
    }

    @Test
    void aDeclinedOrUnansweredInvitationDeclinesAndOnlyANewerMeetingReopens() {
        String contact = createContact();
        Instant t = Instant.now();
        invitation("sent", contact, t.plusSeconds(1));
        invitation("expired", contact, t.plusSeconds(2));
        awaitStage(contact, "DECLINED");
        held(UUID.randomUUID().toString(), contact, "DISCOVERY", t.plusSeconds(1)); // older than the decline
        invitation("sent", contact, t.plusSeconds(3)); // a new invitation, after it
        awaitStage(contact, "INVITED");
        assertThat(history(contact)).containsExactly("PROSPECT", "INVITED", "DECLINED", "PROSPECT", "INVITED");
    }

    @Test
    void closedContactsPartnersAndOtherOwnersContactsAreLeftAlone() {
        String closed = createContact();
        as("alice").contentType(ContentType.JSON).body("{\"to\": \"CLOSED\", \"reason\": \"Moved abroad\"}")
                .post("/contacts/" + closed + "/stage").then().statusCode(200);
        String bobs = as("bob").contentType(ContentType.JSON).body("{\"name\": \"Bob's contact\"}").post("/contacts")
                .then().statusCode(201).extract().path("id");
        Instant later = Instant.now().plusSeconds(60);
        held(UUID.randomUUID().toString(), closed, "DISCOVERY", later);
        held(UUID.randomUUID().toString(), bobs, "DISCOVERY", later); // as alice: not her contact
        String marker = createContact();
        held(UUID.randomUUID().toString(), marker, "DISCOVERY", later);
        awaitStage(marker, "EXPLORING");
        assertThat(history(closed)).containsExactly("PROSPECT", "CLOSED");
        assertThat(as("bob").get("/contacts/" + bobs).<String>path("stage")).isEqualTo("PROSPECT");
    }

    @Test
    void namesGivenBecomeProspectsIntroducedByThePersonMetAndReservationsSharedBecomeOpenOnes() {
        String sam = createContact();
        String known = as("alice").contentType(ContentType.JSON).body("{\"name\": \"Kim Wu\", \"email\": \"kim-%s@wu.example\"}"
                .formatted(sam)).post("/contacts").then().statusCode(201).extract().path("id");
        String eventId = UUID.randomUUID().toString();
        String lee = "Lee Park " + UUID.randomUUID();
        String yield = """
                "namesGiven": [{"name": "%s", "company": "Park Lettings", "email": null, "phone": "+44 20 7946 0123",
                                "note": "Needs an accountant"},
                               {"name": "Someone else", "company": null, "email": "KIM-%s@wu.example", "phone": null, "note": null},
                               {"name": "", "company": null, "email": null, "phone": null, "note": null}],
                "reservationsShared": [{"holder": "THEM", "concern": "REACH", "note": "Doubts my reach"}]""".formatted(lee, sam);
        for (int delivery = 0; delivery < 2; delivery++) {
            meetings.send(eventId, alice, "rapport.meeting.held.v1", UUID.randomUUID().toString(), """
                    {"meetingId":"%s","contactId":"%s","stage":"DISCOVERY","heldAt":"%s","askedWhoTheyKnow":true,
                     "bothAgreedToFollowUp":true,"commonGround":null,%s}""".formatted(UUID.randomUUID(), sam, Instant.now(), yield));
        }
        awaitStage(sam, "EXPLORING");
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(as("alice").get("/contacts/" + sam + "/reservations")
                .<List<String>>path("items.concern")).containsExactly("REACH"));

        List<String> named = as("alice").queryParam("limit", 200).get("/contacts").path("items.findAll { it.name == '%s' }.id".formatted(lee));
        assertThat(named).as("created exactly once, though delivered twice").hasSize(1);
        as("alice").get("/contacts/" + named.get(0)).then().statusCode(200)
                .body("source", org.hamcrest.Matchers.equalTo("INTRODUCED"))
                .body("introducedBy", org.hamcrest.Matchers.equalTo(sam))
                .body("stage", org.hamcrest.Matchers.equalTo("PROSPECT"))
                .body("company", org.hamcrest.Matchers.equalTo("Park Lettings"))
                .body("notes", org.hamcrest.Matchers.equalTo("Named by Pat Lee in a one-to-one: Needs an accountant"));
        List<String> kims = as("alice").queryParam("limit", 200).get("/contacts").path("items.findAll { it.name == 'Someone else' || it.id == '%s' }.id"
                .formatted(known));
        assertThat(kims).as("the same email: already a contact").containsExactly(known);
        assertThat(as("alice").get("/contacts/" + sam + "/connections").<List<String>>path("items.contactId"))
                .as("the person met knows both, once each").containsExactlyInAnyOrder(named.get(0), known);
    }

    private void held(String eventId, String contact, String stage, Instant heldAt) {
        meetings.send(eventId, alice, "rapport.meeting.held.v1", UUID.randomUUID().toString(), """
                {"meetingId":"%s","contactId":"%s","stage":"%s","heldAt":"%s","askedWhoTheyKnow":true,"bothAgreedToFollowUp":true}"""
                .formatted(UUID.randomUUID(), contact, stage, heldAt));
    }

    private void invitation(String what, String contact, Instant at) {
        meetings.send(alice, "rapport.invitation." + what + ".v1", UUID.randomUUID().toString(), """
                {"invitationId":"%s","contactId":"%s","at":"%s"}""".formatted(UUID.randomUUID(), contact, at));
    }

    private static void awaitStage(String contact, String stage) {
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(as("alice").get("/contacts/" + contact).<String>path("stage")).isEqualTo(stage));
    }

    private static List<String> history(String contact) {
        return as("alice").get("/contacts/" + contact + "/stages").path("items.to");
    }

    private static List<String> reasons(String contact) {
        return as("alice").get("/contacts/" + contact + "/stages").path("items.reason");
    }

    private static String createContact() {
        return as("alice").contentType(ContentType.JSON).body("{\"name\": \"Pat Lee\"}").post("/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
