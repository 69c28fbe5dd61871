package dev.rapport.meetings.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.rapport.meetings.TestContacts;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class MeetingEventsTest {

    @Inject
    TestContacts contacts;

    private TopicReader topic;

    @BeforeEach
    void listen() {
        topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.meetings.v1");
    }

    @AfterEach
    void stopListening() {
        topic.close();
    }

    @Test
    void scheduleThenHoldPublishesTwoCloudEventsInOrder() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String location = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\", \"agenda\": \"private agenda\"}".formatted(sam))
                .post("/one-to-ones").then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"heldAt\": \"2026-01-05T10:00:00Z\", \"notes\": \"private notes\", \"askedWhoTheyKnow\": true}")
                .post(location + "/held").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = awaitEvents(id, 2);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly(MeetingScheduled.TYPE, MeetingHeld.TYPE);
        assertCloudEvents(events, id);
        assertThat(events.get(0).value()).contains("\"meetingId\":\"" + id + "\"", "\"contactId\":\"" + sam + "\"",
                "\"stage\":\"DISCOVERY\"").doesNotContain("private");
        assertThat(events.get(1).value()).isEqualTo("""
                {"meetingId":"%s","contactId":"%s","stage":"DISCOVERY","heldAt":"2026-01-05T10:00:00Z",\
                "askedWhoTheyKnow":true,"bothAgreedToFollowUp":false,"commonGround":null,"namesGiven":[],\
                "reservationsShared":[]}""".formatted(id, sam));
    }

    @Test
    void whatAHeldMeetingYieldedIsPublished() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String location = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\"}".formatted(sam))
                .post("/one-to-ones").then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("""
                        {"heldAt": "2026-01-05T10:00:00Z", "askedWhoTheyKnow": true, "bothAgreedToFollowUp": true,
                         "commonGround": {"markets": ["commercial property"], "clientTypes": ["owner-managed firms"], "text": "football"},
                         "namesGiven": [{"name": "Lee Park", "company": "Park Lettings", "email": "lee@parklettings.example",
                                         "note": "Needs an accountant"}, {"name": "Kim Wu"}],
                         "reservationsShared": [{"holder": "THEM", "concern": "REACH", "note": "Doubts my reach"}]}""")
                .post(location + "/held").then().statusCode(200)
                .body("namesGiven.name", org.hamcrest.Matchers.contains("Lee Park", "Kim Wu"))
                .body("reservationsShared[0].concern", org.hamcrest.Matchers.equalTo("REACH"))
                .body("commonGround.markets", org.hamcrest.Matchers.contains("commercial property"));

        List<ConsumerRecord<String, String>> events = awaitEvents(id, 2);
        assertThat(events.get(1).value()).isEqualTo("""
                {"meetingId":"%s","contactId":"%s","stage":"DISCOVERY","heldAt":"2026-01-05T10:00:00Z",\
                "askedWhoTheyKnow":true,"bothAgreedToFollowUp":true,\
                "commonGround":{"markets":["commercial property"],"clientTypes":["owner-managed firms"],"text":"football"},\
                "namesGiven":[{"name":"Lee Park","company":"Park Lettings","email":"lee@parklettings.example","phone":null,\
                "note":"Needs an accountant"},{"name":"Kim Wu","company":null,"email":null,"phone":null,"note":null}],\
                "reservationsShared":[{"holder":"THEM","concern":"REACH","note":"Doubts my reach"}]}""".formatted(id, sam));
    }

    @Test
    void tooManyNamesOrANameWithoutANameAreRefusedAndTheMeetingStaysScheduled() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String location = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\"}".formatted(sam))
                .post("/one-to-ones").then().statusCode(201).extract().header("Location");
        String fiftyOne = String.join(",", java.util.Collections.nCopies(51, "{\"name\": \"Lee\"}"));
        for (String yield : List.of("\"namesGiven\": [" + fiftyOne + "]", "\"namesGiven\": [{\"company\": \"Park Lettings\"}]",
                "\"namesGiven\": [{\"name\": \"Lee\", \"email\": \"not an address\"}]",
                "\"reservationsShared\": [{\"holder\": \"THEM\", \"concern\": \"REACH\"}]",
                "\"commonGround\": {\"markets\": [\"\"]}")) {
            given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                    .body("{\"heldAt\": \"2026-01-05T10:00:00Z\", " + yield + "}")
                    .post(location + "/held").then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.of("alice")).get(location).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SCHEDULED"));
    }

    @Test
    void loggingAndDeletingATouchpointPublishesTwoCloudEvents() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String location = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"kind\": \"CALL\", \"occurredAt\": \"2026-01-05T10:00:00Z\", \"note\": \"private\"}"
                        .formatted(sam))
                .post("/touchpoints").then().statusCode(201).extract().header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        given().auth().oauth2(Tokens.of("alice")).delete(location).then().statusCode(204);

        List<ConsumerRecord<String, String>> events = awaitEvents(id, 2);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly(TouchpointLogged.TYPE, TouchpointDeleted.TYPE);
        assertCloudEvents(events, id);
        assertThat(events.get(0).value()).isEqualTo("""
                {"touchpointId":"%s","contactId":"%s","kind":"CALL","occurredAt":"2026-01-05T10:00:00Z"}"""
                .formatted(id, sam));
        assertThat(events.get(1).value()).contains("\"touchpointId\":\"" + id + "\"", "\"deletedAt\"");
    }

    private List<ConsumerRecord<String, String>> awaitEvents(UUID subject, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(subject))).hasSize(count));
        return topic.poll(TopicReader.withSubject(subject));
    }

    private static void assertCloudEvents(List<ConsumerRecord<String, String>> events, UUID subject) {
        String alice = Tokens.subjectOf("alice");
        assertThat(events).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(alice);
            assertThat(TopicReader.headers(record))
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/rapport/meetings-service")
                    .containsEntry("ce_subject", subject.toString())
                    .containsEntry("ce_ownerid", alice)
                    .containsEntry("content-type", "application/json")
                    .containsKeys("ce_id", "ce_time");
        });
        assertThat(events.stream().map(r -> TopicReader.header(r, "ce_id")).distinct()).hasSize(events.size());
    }
}
