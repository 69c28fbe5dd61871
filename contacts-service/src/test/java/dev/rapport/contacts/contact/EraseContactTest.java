package dev.rapport.contacts.contact;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.rapport.contacts.OutboxRows;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class EraseContactTest {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRows outbox;

    @Test
    void erasingForgetsThePersonsEventsAndStoredAnswersAndAnnouncesTheErasure() throws SQLException {
        String key = "erase-" + UUID.randomUUID();
        String email = "sam-" + UUID.randomUUID() + "@carter.example";
        String sam = as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\": \"Sam Carter\", \"email\": \"" + email + "\"}").post("/contacts")
                .then().statusCode(201).extract().path("id");
        as("alice").contentType(ContentType.JSON).body("{\"know\": 3, \"like\": 3, \"trust\": 2}").post("/contacts/" + sam + "/ratings")
                .then().statusCode(201);
        as("alice").contentType(ContentType.JSON).body("{\"holder\": \"ME\", \"concern\": \"REACH\", \"note\": \"Sam's reach\"}")
                .post("/contacts/" + sam + "/reservations").then().statusCode(201);
        String lee = as("alice").contentType(ContentType.JSON).body("{\"name\": \"Lee Park\", \"introducedBy\": \"" + sam + "\"}")
                .post("/contacts").then().statusCode(201).extract().path("id");
        assertThat(count("select count(*) from idempotency_key where key = ?", key)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where payload::text like ?", "%" + email + "%")).isEqualTo(1);

        as("alice").queryParam("erase", "true").delete("/contacts/" + sam).then().statusCode(204);

        as("alice").get("/contacts/" + sam).then().statusCode(404);
        assertThat(outbox.types(UUID.fromString(sam))).containsExactly("rapport.contact.deleted.v1", "rapport.contact.erased.v1");
        assertThat(count("select count(*) from idempotency_key where key = ?", key)).isZero();
        assertThat(count("select count(*) from outbox_event where payload::text like ?", "%" + email + "%")).isZero();
        for (String table : List.of("contact", "contact_stage_change", "reservation", "contact_rating")) {
            String column = table.equals("contact") ? "id" : "contact_id";
            assertThat(count("select count(*) from " + table + " where " + column + " = ?::uuid", sam)).as(table).isZero();
        }
        as("alice").get("/contacts/" + lee).then().statusCode(200).body("$", not(hasKey("introducedBy")))
                .body("source", equalTo("INTRODUCED"));
    }

    @Test
    void aPlainDeleteKeepsThePublishedHistoryAndAnnouncesNoErasure() throws SQLException {
        String pat = create("alice");
        as("alice").delete("/contacts/" + pat).then().statusCode(204);
        assertThat(outbox.types(UUID.fromString(pat))).containsExactly("rapport.contact.created.v1", "rapport.contact.deleted.v1");
    }

    @Test
    void aBadEraseValueOrAnotherOwnersContactChangesNothing() throws SQLException {
        String pat = create("alice");
        as("alice").queryParam("erase", "yes").delete("/contacts/" + pat).then().statusCode(400)
                .contentType("application/problem+json");
        as("bob").queryParam("erase", "true").delete("/contacts/" + pat).then().statusCode(404);
        as("alice").header("If-Match", "\"999\"").queryParam("erase", "true").delete("/contacts/" + pat).then().statusCode(412);
        as("alice").get("/contacts/" + pat).then().statusCode(200);
        assertThat(outbox.types(UUID.fromString(pat))).containsExactly("rapport.contact.created.v1");
    }

    private static String create(String user) {
        return as(user).contentType(ContentType.JSON).body("{\"name\": \"Pat Lee\"}").post("/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
