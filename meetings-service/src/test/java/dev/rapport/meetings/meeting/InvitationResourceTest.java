package dev.rapport.meetings.meeting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.meetings.TestClock;
import dev.rapport.meetings.TestContacts;
import dev.rapport.meetings.events.InvitationAccepted;
import dev.rapport.meetings.events.InvitationDeclined;
import dev.rapport.meetings.events.InvitationExpired;
import dev.rapport.meetings.events.InvitationSent;
import dev.rapport.meetings.events.MeetingHeld;
import dev.rapport.meetings.events.MeetingRescheduled;
import dev.rapport.meetings.events.MeetingScheduled;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** Invitations: INVITED → ACCEPTED → SCHEDULED (and rescheduled) → HELD, or declined, unanswered, cancelled. */
@QuarkusTest
class InvitationResourceTest {

    private static final String INVALID_TRANSITION = "https://rapport.dev/problems/invalid-transition";

    @Inject
    TestContacts contacts;

    @Inject
    TestClock clock;

    @AfterEach
    void unpinClock() {
        clock.unpin();
    }

    @Test
    void anInvitationGoesToAHeldMeetingAndEveryMoveIsInItsHistoryAndOnTheTopic() {
        UUID sam = contacts.created("alice", "Sam Carter");
        try (TopicReader topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.meetings.v1")) {
            clock.pin(Instant.parse("2026-11-24T08:00:00Z"));
            Response invited = invite("alice", sam, "DISCOVERY");
            invited.then().body("status", equalTo("INVITED")).body("invitedAt", equalTo("2026-11-24T08:00:00Z"))
                    .body("answeredAt", nullValue()).body("twoStageOverridden", equalTo(false));
            String location = invited.header("Location");

            clock.pin(Instant.parse("2026-11-25T12:00:00Z"));
            String accepted = as("alice").header("If-Match", invited.header("ETag")).post(location + "/accept")
                    .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("answeredAt", equalTo("2026-11-25T12:00:00Z"))
                    .extract().header("ETag");
            clock.pin(Instant.parse("2026-11-26T09:00:00Z"));
            String scheduled = as("alice").header("If-Match", accepted).contentType(ContentType.JSON)
                    .body("{\"scheduledFor\": \"2026-12-01T09:30:00Z\", \"location\": \"Café Rouge\"}").post(location + "/schedule")
                    .then().statusCode(200).body("status", equalTo("SCHEDULED")).body("scheduledFor", equalTo("2026-12-01T09:30:00Z"))
                    .extract().header("ETag");
            clock.pin(Instant.parse("2026-11-28T16:00:00Z"));
            as("alice").header("If-Match", scheduled).contentType(ContentType.JSON)
                    .body("{\"scheduledFor\": \"2026-12-03T09:30:00Z\"}").post(location + "/schedule")
                    .then().statusCode(200).body("scheduledFor", equalTo("2026-12-03T09:30:00Z")).body("location", equalTo("Café Rouge"));
            clock.pin(Instant.parse("2026-12-03T11:00:00Z"));
            as("alice").contentType(ContentType.JSON).body("{\"heldAt\": \"2026-12-03T09:30:00Z\", \"askedWhoTheyKnow\": true}")
                    .post(location + "/held").then().statusCode(200).body("status", equalTo("HELD"));

            as("alice").get(location + "/history").then().statusCode(200)
                    .body("from", equalTo(java.util.Arrays.asList(null, "INVITED", "ACCEPTED", "SCHEDULED", "SCHEDULED")))
                    .body("to", equalTo(List.of("INVITED", "ACCEPTED", "SCHEDULED", "SCHEDULED", "HELD")))
                    .body("scheduledFor[2]", equalTo("2026-12-01T09:30:00Z"))
                    .body("scheduledFor[3]", equalTo("2026-12-03T09:30:00Z"))
                    .body("at", equalTo(List.of("2026-11-24T08:00:00Z", "2026-11-25T12:00:00Z", "2026-11-26T09:00:00Z",
                            "2026-11-28T16:00:00Z", "2026-12-03T11:00:00Z")));

            UUID id = idOf(location);
            List<ConsumerRecord<String, String>> events = awaitEvents(topic, id, 5);
            assertThat(events).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(InvitationSent.TYPE,
                    InvitationAccepted.TYPE, MeetingScheduled.TYPE, MeetingRescheduled.TYPE, MeetingHeld.TYPE);
            assertThat(events.get(0).value()).isEqualTo("""
                    {"invitationId":"%s","contactId":"%s","stage":"DISCOVERY","at":"2026-11-24T08:00:00Z"}""".formatted(id, sam));
            assertThat(events.get(3).value()).isEqualTo("""
                    {"meetingId":"%s","contactId":"%s","stage":"DISCOVERY","scheduledFor":"2026-12-03T09:30:00Z",\
                    "previousScheduledFor":"2026-12-01T09:30:00Z","at":"2026-11-28T16:00:00Z"}""".formatted(id, sam));
        }
    }

    @Test
    void aDeclinedOrUnansweredInvitationIsFinalAndPublishedAsSuch() {
        UUID sam = contacts.created("alice", "Sam Carter");
        try (TopicReader topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.meetings.v1")) {
            String declined = invite("alice", sam, "DISCOVERY").header("Location");
            as("alice").post(declined + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"))
                    .body("answeredAt", notNullValue());
            String unanswered = invite("alice", sam, "DISCOVERY").header("Location");
            as("alice").post(unanswered + "/no-response").then().statusCode(200).body("status", equalTo("NO_RESPONSE"));

            as("alice").post(declined + "/accept").then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo(INVALID_TRANSITION))
                    .body("detail", equalTo("A meeting that is DECLINED cannot become ACCEPTED; allowed: none, DECLINED is final"));
            as("alice").post(unanswered + "/cancel").then().statusCode(409);

            assertThat(awaitEvents(topic, idOf(declined), 2)).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly(InvitationSent.TYPE, InvitationDeclined.TYPE);
            assertThat(awaitEvents(topic, idOf(unanswered), 2)).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly(InvitationSent.TYPE, InvitationExpired.TYPE);
        }
    }

    @Test
    void illegalMovesAnswer409NamingTheAllowedOnesAndChangeNothing() {
        Response invited = invite("alice", contacts.created("alice", "Sam Carter"), "CHECK_IN");
        String location = invited.header("Location");

        as("alice").contentType(ContentType.JSON).body("{\"scheduledFor\": \"2026-12-01T09:30:00Z\"}").post(location + "/schedule")
                .then().statusCode(409).body("type", equalTo(INVALID_TRANSITION))
                .body("detail", equalTo("A meeting that is INVITED cannot become SCHEDULED; allowed: ACCEPTED, DECLINED, NO_RESPONSE, CANCELLED"));
        as("alice").contentType(ContentType.JSON).body("{\"heldAt\": \"2026-01-05T10:00:00Z\"}").post(location + "/held")
                .then().statusCode(409).body("type", equalTo(INVALID_TRANSITION));
        as("alice").post(location + "/accept").then().statusCode(200);
        as("alice").post(location + "/accept").then().statusCode(409)
                .body("detail", equalTo("A meeting that is ACCEPTED cannot become ACCEPTED; allowed: SCHEDULED, CANCELLED"));
        as("alice").post(location + "/decline").then().statusCode(409);

        as("alice").get(location).then().body("status", equalTo("ACCEPTED")).body("scheduledFor", nullValue());
        as("alice").get(location + "/history").then().body("to", equalTo(List.of("INVITED", "ACCEPTED")));
    }

    @Test
    void aStaleIfMatchAnswers412OnEveryMoveAndChangesNothing() {
        Response invited = invite("alice", contacts.created("alice", "Sam Carter"), "DISCOVERY");
        String location = invited.header("Location");
        String stale = "\"99\"";
        for (String move : List.of("/accept", "/decline", "/no-response", "/cancel")) {
            as("alice").header("If-Match", stale).post(location + move).then().statusCode(412).contentType("application/problem+json");
        }
        as("alice").get(location).then().header("ETag", equalTo(invited.header("ETag"))).body("status", equalTo("INVITED"));
        String accepted = as("alice").header("If-Match", invited.header("ETag")).post(location + "/accept").then().statusCode(200)
                .extract().header("ETag");
        as("alice").header("If-Match", invited.header("ETag")).contentType(ContentType.JSON)
                .body("{\"scheduledFor\": \"2026-12-01T09:30:00Z\"}").post(location + "/schedule").then().statusCode(412);
        as("alice").get(location).then().header("ETag", equalTo(accepted)).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void theTwoStageRuleMayBeOverriddenOnlyOnPurposeAndOnRecord() {
        UUID sam = contacts.created("alice", "Sam Carter");
        as("alice").contentType(ContentType.JSON).body(arrange(sam, "REFERRAL_FIT", "INVITED", "")).post("/one-to-ones")
                .then().statusCode(422).body("type", equalTo("https://rapport.dev/problems/discovery-required"));
        as("alice").contentType(ContentType.JSON)
                .body(arrange(sam, "REFERRAL_FIT", "INVITED", ", \"overrideTwoStageRule\": true")).post("/one-to-ones")
                .then().statusCode(400).body("errors[0].field", equalTo("overrideReason"));
        as("alice").contentType(ContentType.JSON)
                .body(arrange(sam, "DISCOVERY", "INVITED", ", \"overrideTwoStageRule\": true, \"overrideReason\": \"Met before\""))
                .post("/one-to-ones")
                .then().statusCode(400).body("errors[0].field", equalTo("overrideTwoStageRule"));
        as("alice").contentType(ContentType.JSON)
                .body(arrange(sam, "REFERRAL_FIT", "INVITED", ", \"overrideReason\": \"Met before\"")).post("/one-to-ones")
                .then().statusCode(400).body("errors[0].field", equalTo("overrideReason"));
        as("alice").queryParam("contactId", sam).get("/one-to-ones").then().body("items.size()", equalTo(0));

        as("alice").contentType(ContentType.JSON)
                .body(arrange(sam, "REFERRAL_FIT", "INVITED",
                        ", \"overrideTwoStageRule\": true, \"overrideReason\": \"  Discovery held at last year's conference \""))
                .post("/one-to-ones")
                .then().statusCode(201).body("stage", equalTo("REFERRAL_FIT"))
                .body("twoStageOverridden", equalTo(true))
                .body("overrideReason", equalTo("Discovery held at last year's conference"));
    }

    @Test
    void onlyInvitedOrScheduledMayBeginAOneToOne() {
        UUID sam = contacts.created("alice", "Sam Carter");
        for (String status : List.of("ACCEPTED", "HELD", "DECLINED", "NO_RESPONSE", "CANCELLED")) {
            as("alice").contentType(ContentType.JSON).body(arrange(sam, "DISCOVERY", status, "")).post("/one-to-ones")
                    .then().statusCode(400).body("errors[0].field", equalTo("status"));
        }
        as("alice").queryParam("contactId", sam).get("/one-to-ones").then().body("items.size()", equalTo(0));
    }

    @Test
    void anotherUsersInvitationIsNotFound() {
        String location = invite("alice", contacts.created("alice", "Sam Carter"), "DISCOVERY").header("Location");
        for (String move : List.of("/accept", "/decline", "/no-response", "/cancel")) {
            as("bob").post(location + move).then().statusCode(404);
        }
        as("bob").get(location + "/history").then().statusCode(404);
        as("alice").get(location).then().body("status", equalTo("INVITED"));
    }

    private static Response invite(String user, UUID contactId, String stage) {
        Response response = as(user).contentType(ContentType.JSON).body(arrange(contactId, stage, "INVITED", "")).post("/one-to-ones");
        response.then().statusCode(201);
        return response;
    }

    private static String arrange(UUID contactId, String stage, String status, String more) {
        return "{\"contactId\": \"%s\", \"stage\": \"%s\", \"status\": \"%s\"%s}".formatted(contactId, stage, status, more);
    }

    private static List<ConsumerRecord<String, String>> awaitEvents(TopicReader topic, UUID subject, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(subject))).hasSize(count));
        return topic.poll(TopicReader.withSubject(subject));
    }

    private static UUID idOf(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
