package dev.rapport.meetings.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.meetings.TestClock;
import dev.rapport.meetings.TestContacts;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class TimelineResourceTest {

    @Inject
    TestContacts contacts;

    @Inject
    TestClock clock;

    @AfterEach
    void unpinClock() {
        clock.unpin();
    }

    @Test
    void oneToOnesTouchpointsAndEventsAreMergedNewestFirstAndPaged() {
        UUID sam = contacts.created("alice", "Sam Carter");
        String event = as("alice").contentType(ContentType.JSON)
                .body("{\"name\": \"Chamber breakfast\", \"startsAt\": \"2026-11-01T07:30:00Z\", \"endsAt\": \"2026-11-01T09:00:00Z\"}")
                .post("/networking-events").then().statusCode(201).extract().path("id");
        as("alice").put("/networking-events/" + event + "/attendees/" + sam).then().statusCode(201);

        clock.pin(Instant.parse("2026-11-02T10:00:00Z"));
        String declined = arrange(sam, "{\"status\": \"INVITED\"");
        as("alice").post("/one-to-ones/" + declined + "/decline").then().statusCode(200);
        clock.pin(Instant.parse("2026-11-10T10:00:00Z"));
        String held = arrange(sam, "{\"scheduledFor\": \"2026-11-09T09:00:00Z\"");
        as("alice").contentType(ContentType.JSON).body("{\"heldAt\": \"2026-11-09T09:30:00Z\"}").post("/one-to-ones/" + held + "/held")
                .then().statusCode(200);
        String call = as("alice").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"kind\": \"CALL\", \"occurredAt\": \"2026-11-05T16:00:00Z\"}".formatted(sam))
                .post("/touchpoints").then().statusCode(201).extract().path("id");
        String planned = arrange(sam, "{\"scheduledFor\": \"2026-12-01T09:00:00Z\", \"stage\": \"CHECK_IN\"");

        as("alice").get("/timelines/" + sam).then().statusCode(200)
                .body("items.kind", equalTo(List.of("ONE_TO_ONE", "ONE_TO_ONE", "TOUCHPOINT", "ONE_TO_ONE", "NETWORKING_EVENT")))
                .body("items.id", equalTo(List.of(planned, held, call, declined, event)))
                .body("items.at", equalTo(List.of("2026-12-01T09:00:00Z", "2026-11-09T09:30:00Z", "2026-11-05T16:00:00Z",
                        "2026-11-02T10:00:00Z", "2026-11-01T07:30:00Z")))
                .body("items[1].status", equalTo("HELD"))
                .body("items[2].touchpoint", equalTo("CALL"))
                .body("items[3].status", equalTo("DECLINED"))
                .body("items[4].eventName", equalTo("Chamber breakfast"));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as("alice").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/timelines/" + sam);
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactly(planned, held, call, declined, event);
    }

    @Test
    void anotherUsersOrAnUnknownContactIsNotFound() {
        UUID sam = contacts.created("alice", "Sam Carter");
        as("bob").get("/timelines/" + sam).then().statusCode(404).contentType("application/problem+json");
        as("alice").get("/timelines/" + UUID.randomUUID()).then().statusCode(404);
        as("alice").get("/timelines/" + sam).then().statusCode(200).body("items.size()", equalTo(0));
        as("alice").queryParam("limit", 0).get("/timelines/" + sam).then().statusCode(400);
    }

    private static String arrange(UUID contactId, String start) {
        String body = start + (start.contains("stage") ? "" : ", \"stage\": \"DISCOVERY\"") + ", \"contactId\": \"" + contactId + "\"}";
        return as("alice").contentType(ContentType.JSON).body(body).post("/one-to-ones").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
