package dev.rapport.meetings.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.meetings.TestClock;
import dev.rapport.meetings.TestContacts;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
class CalendarFeedTest {

    @Inject
    TestContacts contacts;

    @Inject
    TestClock clock;

    @AfterEach
    void unpinClock() {
        clock.unpin();
    }

    @Test
    void theFeedServesScheduledOneToOnesAndEventsToAParserWithoutAToken() throws Exception {
        clock.pin(Instant.parse("2026-11-30T12:00:00Z"));
        UUID priya = contacts.created("admin", "Priya Shah, Lettings; PS");
        String url = as("admin").post("/calendar-feed").then().statusCode(201)
                .body("url", startsWith("http://")).extract().path("url");
        String path = url.substring(url.indexOf("/calendar/"));

        String scheduled = as("admin").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\", \"scheduledFor\": \"2026-12-03T09:30:00Z\", \"location\": \"%s\"}"
                        .formatted(priya, "Café Rouge, Market Street — the long table at the back by the window, ask for Sam"))
                .post("/one-to-ones").then().statusCode(201).extract().path("id");
        String invited = as("admin").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"CHECK_IN\", \"status\": \"INVITED\"}".formatted(priya))
                .post("/one-to-ones").then().statusCode(201).extract().path("id");
        String event = as("admin").contentType(ContentType.JSON)
                .body("{\"name\": \"Chamber breakfast\", \"startsAt\": \"2026-12-08T07:30:00Z\", \"endsAt\": \"2026-12-08T09:00:00Z\"}")
                .post("/networking-events").then().statusCode(201).extract().path("id");

        String feed = given().get(path).then().statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
        assertThat(feed.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getProperty(Property.UID).orElseThrow().getValue())
                .contains(scheduled + "@rapport", event + "@rapport") // and whatever earlier runs left for this user
                .doesNotContain(invited + "@rapport");
        VEvent meeting = events.stream().filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().startsWith(scheduled))
                .findFirst().orElseThrow();
        assertThat(meeting.getSummary().orElseThrow().getValue()).isEqualTo("Discovery one-to-one with Priya Shah, Lettings; PS");
        assertThat(meeting.getLocation().orElseThrow().getValue())
                .isEqualTo("Café Rouge, Market Street — the long table at the back by the window, ask for Sam");
        assertThat(instant(meeting.getDateTimeStart().orElseThrow().getDate())).isEqualTo(Instant.parse("2026-12-03T09:30:00Z"));
        assertThat(instant(meeting.getDateTimeEnd().orElseThrow().getDate())).isEqualTo(Instant.parse("2026-12-03T10:30:00Z"));
    }

    @Test
    void aNewFeedRevokesTheOldAndARevokedOrUnknownOneIsNotFound() {
        String first = path(as("alice").post("/calendar-feed").then().statusCode(201).extract().path("url"));
        given().get(first).then().statusCode(200);
        String second = path(as("alice").post("/calendar-feed").then().statusCode(201).extract().path("url"));
        given().get(first).then().statusCode(404).contentType("application/problem+json");
        given().get(second).then().statusCode(200);

        as("alice").delete("/calendar-feed").then().statusCode(204);
        given().get(second).then().statusCode(404);
        as("alice").delete("/calendar-feed").then().statusCode(404);
        given().get("/calendar/not-a-token").then().statusCode(404);
        given().get("/calendar-feed").then().statusCode(401);
        given().post("/calendar-feed").then().statusCode(401);
    }

    @Test
    void aFeedShowsOnlyItsOwnersMeetings() {
        UUID bobs = contacts.created("bob", "Bob's contact");
        as("bob").contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\", \"scheduledFor\": \"2026-12-03T09:30:00Z\"}".formatted(bobs))
                .post("/one-to-ones").then().statusCode(201);
        String alices = path(as("alice").post("/calendar-feed").then().statusCode(201).extract().path("url"));
        given().get(alices).then().statusCode(200).body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Bob's contact")));
        given().header("Authorization", "Bearer " + Tokens.of("bob")).get(alices).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Bob's contact")));
    }

    private static Instant instant(Temporal temporal) {
        return temporal instanceof ZonedDateTime zoned ? zoned.toInstant() : Instant.from(temporal);
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/calendar/"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
