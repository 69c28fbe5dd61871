package dev.rapport.meetings.contacts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.meetings.TestContacts;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
class ContactErasureTest {

    @Inject
    TestContacts contacts;

    @Inject
    EntityManager entityManager;

    @Test
    void anErasedContactLeavesNoMeetingTouchpointNameOrEventBehindAndOthersAreKept() {
        UUID sam = contacts.created("alice", "Sam Carter");
        UUID lee = contacts.created("alice", "Lee Park");
        String meeting = given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"stage\": \"DISCOVERY\"}".formatted(sam)).post("/one-to-ones")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"kind\": \"CALL\", \"occurredAt\": \"2026-01-05T10:00:00Z\"}".formatted(sam))
                .post("/touchpoints").then().statusCode(201);
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .body("{\"contactId\": \"%s\", \"kind\": \"CALL\", \"occurredAt\": \"2026-01-05T10:00:00Z\"}".formatted(lee))
                .post("/touchpoints").then().statusCode(201);
        assertThat(count("select count(*) from outbox_event where subject = '" + meeting + "'")).isEqualTo(1);

        contacts.send(UUID.randomUUID().toString(), "alice", TestContacts.DELETED, sam, TestContacts.deletion(sam));
        contacts.send(UUID.randomUUID().toString(), "alice", "rapport.contact.erased.v1", sam,
                "{\"contactId\":\"%s\",\"erasedAt\":\"2026-01-06T10:00:00Z\"}".formatted(sam));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "select count(*) from meeting where contact_id = '" + sam + "'")).isZero());
        assertThat(count("select count(*) from touchpoint where contact_id = '" + sam + "'")).isZero();
        assertThat(count("select count(*) from outbox_event where subject = '" + meeting + "'")).isZero();
        assertThat(count("select count(*) from contact_replica where contact_id = '" + sam + "' and deleted and name = ''")).isEqualTo(1);
        assertThat(count("select count(*) from touchpoint where contact_id = '" + lee + "'")).isEqualTo(1);
        given().auth().oauth2(Tokens.of("alice")).get("/one-to-ones/" + meeting).then().statusCode(404);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
