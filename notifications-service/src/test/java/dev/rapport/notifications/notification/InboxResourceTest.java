package dev.rapport.notifications.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.notifications.Feed;
import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.rules.RuleName;
import dev.rapport.notifications.rules.Rules;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class InboxResourceTest {

    @Inject
    Rules rules;

    @Inject
    MutableClock clock;

    @Inject
    Snoozes snoozes;

    private final Feed feed = new Feed();

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void theOwnerReadsMarksAndDismissesTheirNotifications() {
        UUID alice = UUID.fromString(Tokens.subjectOf("alice"));
        UUID sam = feed.contactCreated(alice, "Sam Inbox", clock.instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> known(sam));
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        String id = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "subjectId = ?1 and rule = ?2", sam, RuleName.RELATIONSHIP_STALLED.id()).singleResult().id.toString());

        assertThat(unreadAbout(sam)).isEqualTo(1);
        assertThat(as("alice").get("/notifications/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread")).isPositive();
        assertThat(listed("alice", false)).filteredOn(item -> id.equals(item.get("id")))
                .singleElement().satisfies(item -> assertThat(item.get("subjectName")).isEqualTo("Sam Inbox"));
        as("alice").get("/notifications/" + id).then().statusCode(200)
                .body("rule", equalTo("relationship.stalled"))
                .body("status", equalTo("OPEN"));

        as("alice").post("/notifications/" + id + "/read").then().statusCode(200).body("readAt", notNullValue());
        assertThat(unreadAbout(sam)).isZero();

        as("alice").post("/notifications/" + id + "/dismiss").then().statusCode(200).body("dismissedAt", notNullValue());
        assertThat(listed("alice", false)).noneMatch(item -> id.equals(item.get("id")));
        assertThat(listed("alice", true)).anyMatch(item -> id.equals(item.get("id")));
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndTokensAreRequired() {
        UUID alice = UUID.fromString(Tokens.subjectOf("alice"));
        UUID sam = feed.contactCreated(alice, "Sam Private", clock.instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> known(sam));
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        String id = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "subjectId = ?1 and rule = ?2", sam, RuleName.RELATIONSHIP_STALLED.id()).singleResult().id.toString());

        as("bob").get("/notifications/" + id).then().statusCode(404).contentType("application/problem+json");
        as("bob").post("/notifications/" + id + "/read").then().statusCode(404);
        as("bob").queryParam("limit", 200).get("/notifications").then().body("items.find { it.id == '%s' }".formatted(id), equalTo(null));
        given().get("/notifications").then().statusCode(401);
        as("alice").queryParam("status", "SOMETIMES").get("/notifications").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("alice").queryParam("rule", "sometimes").get("/notifications/unread-count").then().statusCode(400).body("errors[0].field", equalTo("rule"));
        as("alice").queryParam("subjectId", "sam").get("/notifications/unread-count").then().statusCode(400)
                .body("errors[0].field", equalTo("subjectId"));
    }

    @Test
    void aSnoozedNotificationIsOutOfSightUntilItsTimeThenComesBackUnreadOnce() {
        UUID alice = UUID.fromString(Tokens.subjectOf("alice"));
        UUID sam = feed.contactCreated(alice, "Sam Snooze", clock.instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> known(sam));
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        String id = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "subjectId = ?1 and rule = ?2", sam, RuleName.RELATIONSHIP_STALLED.id()).singleResult().id.toString());
        assertThat(about(sam, "")).containsExactly(id);
        assertThat(about(sam, "&unread=true")).containsExactly(id);
        assertThat(unreadAbout(sam)).isEqualTo(1);

        String until = clock.instant().plus(Duration.ofDays(3)).toString();
        as("alice").contentType(ContentType.JSON).body("{\"until\": \"%s\"}".formatted(until))
                .post("/notifications/" + id + "/snooze")
                .then().statusCode(200).body("snoozedUntil", notNullValue()).body("status", equalTo("OPEN"));
        assertThat(unreadAbout(sam)).as("a snoozed notification is not counted").isZero();
        assertThat(about(sam, "")).isEmpty();
        assertThat(about(sam, "&includeSnoozed=true&rule=relationship.stalled")).containsExactly(id);
        assertThat(about(sam, "&includeSnoozed=true&rule=referral.unreturned")).isEmpty();
        as("alice").post("/notifications/" + id + "/read").then().statusCode(200);
        snoozes.wakeDue();
        assertThat(about(sam, "")).as("not back before its time").isEmpty();

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        snoozes.wakeDue();
        assertThat(about(sam, "&unread=true")).as("back, unread").containsExactly(id);
        assertThat(unreadAbout(sam)).as("and counted again").isEqualTo(1);
        as("alice").get("/notifications/" + id).then().statusCode(200).body("readAt", nullValue()).body("snoozedUntil", nullValue());
        snoozes.wakeDue();
        clock.advance(Duration.ofDays(3));
        snoozes.wakeDue();
        assertThat(returnedEvents(id)).as("it came back once").isEqualTo(1);
    }

    @Test
    void aFloodIsOneSummaryInTheInboxAndItsMembersAreListedBehindItsLink() {
        UUID alice = UUID.fromString(Tokens.subjectOf("alice"));
        int flood = 40;
        List<UUID> contacts = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = Notification.getEntityManager().createNativeQuery("""
                    insert into contact_activity (contact_id, owner_id, name, added_at)
                    select gen_random_uuid(), ?1, 'Flooded ' || n, ?2 from generate_series(1, ?3) n returning contact_id""", UUID.class)
                    .setParameter(1, alice).setParameter(2, java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(40))))
                    .setParameter(3, flood).getResultList();
            Notification.getEntityManager().createNativeQuery("""
                    insert into rule_subject (owner_id, rule, subject_id, due_at) select ?1, 'relationship.stalled', unnest(cast(?2 as uuid[])), ?3""")
                    .setParameter(1, alice).setParameter(2, ids.toArray(UUID[]::new))
                    .setParameter(3, java.sql.Timestamp.from(clock.instant().minusSeconds(1))).executeUpdate();
            return ids;
        });
        rules.sweep();
        String summary = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find("subjectId = ?1", contacts.get(0))
                .singleResult().groupId.toString());

        // Other stalled relationships of alice's that came due meanwhile may be in the same flood: its size is at least these.
        List<Map<String, Object>> members = as("alice").get("/notifications?limit=200&groupId=" + summary).then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(members).hasSizeGreaterThanOrEqualTo(flood).allMatch(item -> summary.equals(item.get("groupId")));
        assertThat(members).extracting(item -> UUID.fromString((String) item.get("subjectId"))).containsAll(contacts);
        List<Map<String, Object>> inbox = listed("alice", false);
        assertThat(inbox).filteredOn(item -> summary.equals(item.get("id"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("memberCount", members.size())
                        .containsEntry("link", "/notifications?groupId=" + summary)
                        .containsEntry("title", members.size() + " relationships need you"));
        assertThat(inbox).as("the members are behind the summary").noneMatch(item -> summary.equals(item.get("groupId")));
        assertThat(about(contacts.get(0), "")).as("a contact's own notification is found by its subject").hasSize(1);

        as("alice").post("/notifications/" + summary + "/dismiss").then().statusCode(200);
        assertThat(as("alice").get("/notifications?limit=200&groupId=" + summary).then().extract().jsonPath().getList("items"))
                .as("dismissing the summary dismisses what it groups").isEmpty();
        as("alice").get("/notifications?groupId=not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("groupId"));
        QuarkusTransaction.requiringNew().run(() -> Notification.getEntityManager()
                .createNativeQuery("delete from rule_subject where subject_id = any(cast(?1 as uuid[]))")
                .setParameter(1, contacts.toArray(UUID[]::new)).executeUpdate());
    }

    @Test
    void snoozingAsksForAFutureTimeAndAnOpenNotificationOfTheCallers() {
        UUID alice = UUID.fromString(Tokens.subjectOf("alice"));
        UUID sam = feed.contactCreated(alice, "Sam Snoozeless", clock.instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> known(sam));
        clock.advance(Duration.ofDays(31));
        rules.sweep();
        String id = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                "subjectId = ?1 and rule = ?2", sam, RuleName.RELATIONSHIP_STALLED.id()).singleResult().id.toString());
        String snooze = "/notifications/" + id + "/snooze";

        as("alice").contentType(ContentType.JSON).body("{\"until\": \"%s\"}".formatted(clock.instant().minusSeconds(60)))
                .post(snooze).then().statusCode(400).body("errors[0].field", equalTo("until"));
        as("alice").contentType(ContentType.JSON).body("{\"until\": \"%s\"}".formatted(clock.instant().plus(Duration.ofDays(400))))
                .post(snooze).then().statusCode(400).body("errors[0].field", equalTo("until"));
        as("alice").contentType(ContentType.JSON).body("{}").post(snooze).then().statusCode(400).body("errors[0].field", equalTo("until"));
        String later = clock.instant().plus(Duration.ofDays(1)).toString();
        as("bob").contentType(ContentType.JSON).body("{\"until\": \"%s\"}".formatted(later)).post(snooze).then().statusCode(404);
        as("alice").queryParam("rule", "sometimes").get("/notifications").then().statusCode(400).body("errors[0].field", equalTo("rule"));
        as("alice").queryParam("subjectId", "not-a-uuid").get("/notifications").then().statusCode(400)
                .body("errors[0].field", equalTo("subjectId"));

        feed.touchpoint(alice, sam, clock.instant());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("alice").get("/notifications/" + id).then().body("status", equalTo("RESOLVED")));
        as("alice").contentType(ContentType.JSON).body("{\"until\": \"%s\"}".formatted(later)).post(snooze)
                .then().statusCode(409).contentType("application/problem+json");
    }

    /** The ids of the user's listed notifications about {@code subject}, with more query parameters. */
    private static List<String> about(UUID subject, String query) {
        return as("alice").get("/notifications?limit=200&subjectId=" + subject + query).then().statusCode(200).extract().path("items.id");
    }

    private static long unreadAbout(UUID subject) {
        return as("alice").get("/notifications/unread-count?rule=relationship.stalled&subjectId=" + subject)
                .then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    private static long returnedEvents(String notificationId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Notification.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where type = 'rapport.notification.returned.v1' and subject = ?1")
                .setParameter(1, notificationId).getSingleResult()).longValue());
    }

    private static boolean known(UUID contact) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.getEntityManager()
                .createNativeQuery("select 1 from contact_activity where contact_id = ?1").setParameter(1, contact)
                .getResultList().size() == 1);
    }

    /**
     * Every notification the user's list answers, page after page: the test database keeps
     * earlier runs' notifications, and the shared test clock only moves forward.
     */
    private static List<Map<String, Object>> listed(String user, boolean includeDismissed) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(user).queryParam("limit", 200).queryParam("includeDismissed", includeDismissed);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.response.Response page = request.get("/notifications");
            page.then().statusCode(200);
            all.addAll(page.jsonPath().getList("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
