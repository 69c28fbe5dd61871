package dev.rapport.meetings.networking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.meetings.TestClock;
import dev.rapport.meetings.TestContacts;
import dev.rapport.meetings.events.AttendeeAdded;
import dev.rapport.meetings.events.NetworkingEventCreated;
import dev.rapport.platform.testing.KafkaTopics;
import dev.rapport.platform.testing.Tokens;
import dev.rapport.platform.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class NetworkingEventResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Inject
    TestContacts contacts;

    @Inject
    TestClock clock;

    @AfterEach
    void unpinClock() {
        clock.unpin();
    }

    @Test
    void anEventIsRecordedReadReplacedAndDeletedWithItsEvents() {
        try (TopicReader topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.meetings.v1")) {
            Response created = create("alice", "Chamber of Commerce breakfast", "2026-11-24T07:30:00Z");
            created.then().header("Location", notNullValue()).header("ETag", notNullValue())
                    .body("name", equalTo("Chamber of Commerce breakfast")).body("attendees", equalTo(0))
                    .body("notes", equalTo("Ask for the list"));
            String location = created.header("Location");
            UUID id = UUID.fromString(created.path("id"));

            as("alice").header("If-Match", "\"99\"").contentType(ContentType.JSON).body(event("Renamed", "2026-11-24T07:30:00Z"))
                    .put(location).then().statusCode(412);
            String replaced = as("alice").header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                    .body(event("Chamber breakfast", "2026-11-24T07:30:00Z")).put(location)
                    .then().statusCode(200).body("name", equalTo("Chamber breakfast"))
                    .header("ETag", not(equalTo(created.header("ETag")))).extract().header("ETag");
            as("alice").get(location).then().statusCode(200).header("ETag", equalTo(replaced));
            as("bob").get(location).then().statusCode(404);
            as("bob").delete(location).then().statusCode(404);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(id)))
                    .extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly(NetworkingEventCreated.TYPE, "rapport.networking-event.updated.v1"));
            assertThat(topic.poll(TopicReader.withSubject(id)).get(0).value()).doesNotContain("Ask for the list");

            as("alice").header("If-Match", replaced).delete(location).then().statusCode(204);
            as("alice").get(location).then().statusCode(404);
        }
    }

    @Test
    void badEventsAnswer400AndChangeNothing() {
        as("alice").contentType(ContentType.JSON)
                .body("{\"name\": \"Late\", \"startsAt\": \"2026-11-24T09:00:00Z\", \"endsAt\": \"2026-11-24T08:00:00Z\"}")
                .post("/networking-events").then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
        as("alice").contentType(ContentType.JSON).body("{\"name\": \" \", \"startsAt\": \"2026-11-24T09:00:00Z\"}")
                .post("/networking-events").then().statusCode(400).contentType("application/problem+json");
        as("alice").queryParam("metSince", "yesterday").get("/follow-ups").then().statusCode(400)
                .body("errors[0].field", equalTo("metSince"));
        as("alice").queryParam("invited", "maybe").get("/follow-ups").then().statusCode(400)
                .body("errors[0].field", equalTo("invited"));
    }

    @Test
    void onlyTheOwnersContactsCanBeMetAndAddingIsIdempotent() {
        String location = create("alice", "Breakfast", "2026-11-24T07:30:00Z").header("Location");
        UUID priya = contacts.created("alice", "Priya Shah");
        UUID bobs = contacts.created("bob", "Bob's contact");

        try (TopicReader topic = new TopicReader(KafkaTopics.SHARED_BROKER, "test.rapport.meetings.v1")) {
            as("alice").put(location + "/attendees/" + priya).then().statusCode(201).body("attendees", equalTo(1));
            as("alice").put(location + "/attendees/" + priya).then().statusCode(200).body("attendees", equalTo(1));
            UUID id = idOf(location);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(topic.poll(TopicReader.withSubject(id)))
                    .extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(AttendeeAdded.TYPE));
        }
        as("alice").put(location + "/attendees/" + bobs).then().statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/unknown-contact"));
        as("alice").put(location + "/attendees/" + UUID.randomUUID()).then().statusCode(422);
        as("bob").put(location + "/attendees/" + bobs).then().statusCode(404);

        as("alice").delete(location + "/attendees/" + priya).then().statusCode(204);
        as("alice").delete(location + "/attendees/" + priya).then().statusCode(404);
        as("alice").get(location).then().body("attendees", equalTo(0));
    }

    @Test
    void theFollowUpBoardCountsInvitationsAnswersAndOneToOnesHeld() {
        clock.pin(NOW);
        String location = create("alice", "Chamber breakfast", "2026-11-24T07:30:00Z").header("Location");
        UUID priya = contacts.created("alice", "Priya Shah");
        UUID sam = contacts.created("alice", "Sam Carter");
        UUID lee = contacts.created("alice", "Lee Park");
        for (UUID met : List.of(priya, sam, lee)) {
            as("alice").put(location + "/attendees/" + met).then().statusCode(201);
        }
        as("alice").get(location + "/follow-up").then().statusCode(200)
                .body("met", equalTo(3)).body("invited", equalTo(0)).body("completion", equalTo(0.0f));

        String priyas = invite(priya);
        as("alice").post(priyas + "/accept").then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body("{\"scheduledFor\": \"2026-11-30T09:00:00Z\"}").post(priyas + "/schedule")
                .then().statusCode(200);
        as("alice").contentType(ContentType.JSON).body("{\"heldAt\": \"2026-11-30T10:00:00Z\", \"bothAgreedToFollowUp\": true}")
                .post(priyas + "/held").then().statusCode(200);
        as("alice").post(invite(sam) + "/decline").then().statusCode(200);

        as("alice").get(location + "/follow-up").then().statusCode(200)
                .body("event.name", equalTo("Chamber breakfast"))
                .body("met", equalTo(3)).body("invited", equalTo(2)).body("accepted", equalTo(1))
                .body("declined", equalTo(1)).body("held", equalTo(1)).body("completion", equalTo(0.3333f))
                .body("people.name", contains("Lee Park", "Priya Shah", "Sam Carter"))
                .body("people[0].invitation", nullValue())
                .body("people[1].invitation.status", equalTo("HELD"))
                .body("people[1].invitation.sentAt", equalTo("2026-11-30T12:00:00Z"))
                .body("people[1].oneToOneHeldAt", equalTo("2026-11-30T10:00:00Z"))
                .body("people[1].discoveryHeldAt", equalTo("2026-11-30T10:00:00Z"))
                .body("people[2].invitation.status", equalTo("DECLINED"))
                .body("people[2].invitation.answeredAt", notNullValue())
                .body("people[2].oneToOneHeldAt", nullValue());
        as("bob").get(location + "/follow-up").then().statusCode(404);
    }

    @Test
    void followUpsListEveryoneMetLatelyAndWhoIsNotInvitedYet() {
        clock.pin(NOW);
        String recent = create("alice", "Recent mixer", NOW.minus(Duration.ofDays(3)).toString()).header("Location");
        String old = create("alice", "Old expo", NOW.minus(Duration.ofDays(40)).toString()).header("Location");
        UUID invited = contacts.created("alice", "Invited Ivy");
        UUID waiting = contacts.created("alice", "Waiting Will");
        UUID longAgo = contacts.created("alice", "Long-ago Lou");
        as("alice").put(recent + "/attendees/" + invited).then().statusCode(201);
        as("alice").put(recent + "/attendees/" + waiting).then().statusCode(201);
        as("alice").put(old + "/attendees/" + longAgo).then().statusCode(201);
        as("alice").put(old + "/attendees/" + waiting).then().statusCode(201);
        invite(invited);

        as("alice").queryParam("invited", false).queryParam("limit", 200).get("/follow-ups").then().statusCode(200)
                .body("items.contactId", hasItem(waiting.toString()))
                .body("items.contactId", not(hasItem(invited.toString())))
                .body("items.contactId", not(hasItem(longAgo.toString())))
                .body("items.find { it.contactId == '%s' }.eventName".formatted(waiting), equalTo("Recent mixer"));
        as("alice").queryParam("invited", true).queryParam("limit", 200).get("/follow-ups").then()
                .body("items.contactId", hasItem(invited.toString())).body("items.contactId", not(hasItem(waiting.toString())));
        as("alice").queryParam("invited", false).queryParam("limit", 200).queryParam("metSince", NOW.minus(Duration.ofDays(60)).toString()).get("/follow-ups")
                .then().body("items.contactId", hasItem(longAgo.toString()));
        as("bob").get("/follow-ups").then().body("items.contactId", not(hasItem(waiting.toString())));
    }

    @Test
    void aContactCreatedAsMetAtTheEventJoinsThePeopleMetThere() {
        String location = create("alice", "Card swap", "2026-11-24T07:30:00Z").header("Location");
        UUID card = UUID.randomUUID();
        String profile = TestContacts.profile(card, "Card Carla", "createdAt")
                .replace("\"source\": \"MET_AT_EVENT\"", "\"source\": \"MET_AT_EVENT\", \"metAtEventId\": \"" + idOf(location) + "\"");
        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.CREATED, card, profile);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("alice").get(location + "/follow-up").then()
                .body("people.name", contains("Card Carla")));

        // An event of bob's named by alice's contact is ignored.
        String bobs = create("bob", "Bob's event", "2026-11-24T07:30:00Z").header("Location");
        UUID other = UUID.randomUUID();
        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.CREATED, other, TestContacts.profile(other, "Other", "createdAt")
                .replace("\"source\": \"MET_AT_EVENT\"", "\"source\": \"MET_AT_EVENT\", \"metAtEventId\": \"" + idOf(bobs) + "\""));
        contacts.awaitName(other, "Other");
        as("bob").get(bobs + "/follow-up").then().body("met", equalTo(0));
    }

    @Test
    void anErasedContactLeavesNoAttendance() {
        String location = create("alice", "Breakfast", "2026-11-24T07:30:00Z").header("Location");
        UUID sam = contacts.created("alice", "Sam Carter");
        as("alice").put(location + "/attendees/" + sam).then().statusCode(201);

        contacts.send(UUID.randomUUID().toString(), "alice", "rapport.contact.erased.v1", sam,
                "{\"contactId\":\"%s\",\"erasedAt\":\"2026-11-25T10:00:00Z\"}".formatted(sam));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("alice").get(location).then().body("attendees", equalTo(0)));
        as("alice").get(location + "/follow-up").then().body("people", org.hamcrest.Matchers.empty());
    }

    @Test
    void eventsArePagedLatestStartFirst() {
        String user = "admin";
        List<String> ids = new java.util.ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            ids.add(0, create(user, "Event " + day, "2020-01-0" + day + "T08:00:00Z").path("id"));
        }
        Response first = as(user).queryParam("limit", 2).get("/networking-events");
        List<String> seen = new java.util.ArrayList<>(first.path("items.id"));
        String cursor = first.path("nextCursor");
        while (cursor != null) {
            Response next = as(user).queryParam("limit", 2).queryParam("cursor", cursor).get("/networking-events");
            seen.addAll(next.path("items.id"));
            cursor = next.path("nextCursor");
        }
        assertThat(seen).containsSubsequence(ids);
    }

    private static Response create(String user, String name, String startsAt) {
        Response response = as(user).contentType(ContentType.JSON).body(event(name, startsAt)).post("/networking-events");
        response.then().statusCode(201);
        return response;
    }

    private static String event(String name, String startsAt) {
        Instant start = Instant.parse(startsAt);
        return """
                {"name": "%s", "startsAt": "%s", "endsAt": "%s", "place": "Grand Hotel", "organiser": "Chamber",
                 "notes": "Ask for the list"}""".formatted(name, start, start.plus(Duration.ofMinutes(90)));
    }

    private static String invite(UUID contactId) {
        return as("alice").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\", \"status\": \"INVITED\"}".formatted(contactId))
                .post("/one-to-ones").then().statusCode(201).extract().header("Location");
    }

    private static UUID idOf(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
