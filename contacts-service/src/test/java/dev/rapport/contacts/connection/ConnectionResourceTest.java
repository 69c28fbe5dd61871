package dev.rapport.contacts.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.contacts.OutboxRows;
import dev.rapport.contacts.events.ContactConnected;
import dev.rapport.contacts.events.ContactCreated;
import dev.rapport.contacts.events.ContactDeleted;
import dev.rapport.contacts.events.ContactDisconnected;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class ConnectionResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRows outbox;

    @Inject
    ConnectionService connections;

    @Test
    void aConnectionIsUndirectedListedFromBothSidesAndRemovedFromEither() throws Exception {
        UUID sam = createContact("alice", "Sam Carter");
        UUID priya = createContact("alice", "Priya Shah");
        UUID lee = createContact("alice", "Lee Wong");

        Response connected = connect("alice", sam, "{\"contactId\": \"" + priya + "\", \"note\": \"  Golf on Sundays  \"}");
        connected.then().statusCode(201)
                .header("Location", endsWith("/contacts/" + sam + "/connections/" + priya))
                .body("contactId", equalTo(priya.toString()))
                .body("name", equalTo("Priya Shah"))
                .body("stage", equalTo("PROSPECT"))
                .body("$", not(hasKey("trust")))
                .body("note", equalTo("Golf on Sundays"))
                .body("origin", equalTo("MANUAL"))
                .body("createdAt", notNullValue());
        connect("alice", lee, "{\"contactId\": \"" + sam + "\"}").then().statusCode(201)
                .body("contactId", equalTo(sam.toString()))
                .body("$", not(hasKey("note")));

        as("alice").get("/contacts/" + sam + "/connections").then().statusCode(200)
                .body("items.contactId", contains(lee.toString(), priya.toString()))
                .body("items[1].note", equalTo("Golf on Sundays"))
                .body("items[1].createdAt", equalTo(connected.path("createdAt")))
                .body("$", not(hasKey("nextCursor")));
        as("alice").get("/contacts/" + priya + "/connections").then().statusCode(200)
                .body("items.contactId", contains(sam.toString()))
                .body("items[0].name", equalTo("Sam Carter"))
                .body("items[0].note", equalTo("Golf on Sundays"));

        // Removed from the other side than it was made from.
        as("alice").delete("/contacts/" + priya + "/connections/" + sam).then().statusCode(204);
        as("alice").get("/contacts/" + sam + "/connections").then().body("items.contactId", contains(lee.toString()));
        as("alice").get("/contacts/" + priya + "/connections").then().body("items", hasSize(0));
        as("alice").delete("/contacts/" + sam + "/connections/" + priya).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Contact " + sam + " has no connection to contact " + priya));

        assertThat(outbox.types(sam)).containsExactly(ContactCreated.TYPE, ContactConnected.TYPE);
        assertThat(outbox.types(lee)).containsExactly(ContactCreated.TYPE, ContactConnected.TYPE);
        assertThat(outbox.types(priya)).containsExactly(ContactCreated.TYPE, ContactDisconnected.TYPE);
        JsonNode made = outbox.payloads(sam).get(1);
        assertThat(made.path("contactId").asText()).isEqualTo(sam.toString());
        assertThat(made.path("otherContactId").asText()).isEqualTo(priya.toString());
        assertThat(made.path("note").asText()).isEqualTo("Golf on Sundays");
        assertThat(made.path("origin").asText()).isEqualTo("MANUAL");
        assertThat(made.path("at").asText()).isEqualTo(connected.path("createdAt").toString());
        JsonNode removed = outbox.payloads(priya).get(1);
        assertThat(removed.path("contactId").asText()).isEqualTo(priya.toString());
        assertThat(removed.path("otherContactId").asText()).isEqualTo(sam.toString());
    }

    @Test
    void aDuplicateInEitherDirectionIs409NamingTheConnection() throws SQLException {
        UUID sam = createContact("alice", "Sam Carter");
        UUID priya = createContact("alice", "Priya Shah");
        Response first = connect("alice", sam, "{\"contactId\": \"" + priya + "\", \"note\": \"Golf\"}");
        first.then().statusCode(201);

        for (UUID[] pair : new UUID[][] { { sam, priya }, { priya, sam } }) {
            connect("alice", pair[0], "{\"contactId\": \"" + pair[1] + "\", \"note\": \"Again\"}").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://rapport.dev/problems/already-connected"))
                    .body("detail", equalTo("Contacts " + pair[0] + " and " + pair[1] + " are already connected (MANUAL, since "
                            + first.path("createdAt") + "): /contacts/" + pair[0] + "/connections/" + pair[1]));
        }
        assertThat(connectionRows(sam)).isEqualTo(1);
        as("alice").get("/contacts/" + priya + "/connections").then().body("items.note", contains("Golf"));
        assertThat(outbox.types(sam)).containsExactly(ContactCreated.TYPE, ContactConnected.TYPE);
        assertThat(outbox.types(priya)).containsExactly(ContactCreated.TYPE);
    }

    @Test
    void anIntroductionIsIdempotentAndAManualDuplicateIsNot() throws Exception {
        UUID owner = UUID.fromString(Tokens.subjectOf("alice"));
        UUID sam = createContact("alice", "Sam Carter");
        UUID priya = createContact("alice", "Priya Shah");
        UUID lee = createContact("alice", "Lee Wong");

        Connection introduced = connections.connect(owner, sam, priya, "Introduced over lunch", ConnectionOrigin.INTRODUCTION);
        assertThat(introduced.contactId()).isEqualTo(priya);
        assertThat(introduced.origin()).isEqualTo(ConnectionOrigin.INTRODUCTION);
        Connection again = connections.connect(owner, priya, sam, "Introduced again", ConnectionOrigin.INTRODUCTION);
        assertThat(again.contactId()).isEqualTo(sam);
        assertThat(again.note()).isEqualTo("Introduced over lunch");
        assertThat(again.createdAt()).isEqualTo(introduced.createdAt());
        assertThatThrownBy(() -> connections.connect(owner, sam, priya, null, ConnectionOrigin.MANUAL))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));

        // An introduction between contacts the owner connected by hand leaves that connection as it is.
        connect("alice", lee, "{\"contactId\": \"" + sam + "\", \"note\": \"Neighbours\"}").then().statusCode(201);
        Connection manual = connections.connect(owner, sam, lee, "Introduced", ConnectionOrigin.INTRODUCTION);
        assertThat(manual.origin()).isEqualTo(ConnectionOrigin.MANUAL);
        assertThat(manual.note()).isEqualTo("Neighbours");

        assertThat(connectionRows(sam)).isEqualTo(2);
        assertThat(outbox.types(sam)).containsExactly(ContactCreated.TYPE, ContactConnected.TYPE);
        assertThat(outbox.payloads(sam).get(1).path("origin").asText()).isEqualTo("INTRODUCTION");
        assertThat(outbox.types(priya)).containsExactly(ContactCreated.TYPE);
        assertThat(outbox.types(lee)).containsExactly(ContactCreated.TYPE, ContactConnected.TYPE);
    }

    @Test
    void aSelfLinkAnUnknownContactAndBadBodiesAreRefusedAndChangeNothing() throws SQLException {
        UUID sam = createContact("alice", "Sam Carter");
        UUID bobs = createContact("bob", "Bob's contact");

        connect("alice", sam, "{\"contactId\": \"" + sam + "\"}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/self-connection"))
                .body("errors[0].field", equalTo("contactId"));
        for (UUID unknown : List.of(UUID.randomUUID(), bobs)) {
            connect("alice", sam, "{\"contactId\": \"" + unknown + "\"}").then().statusCode(422)
                    .body("type", equalTo("https://rapport.dev/problems/unknown-contact"))
                    .body("detail", equalTo("No contact " + unknown + " in the caller's network"))
                    .body("errors[0].field", equalTo("contactId"));
        }
        UUID priya = createContact("alice", "Priya Shah");
        connect("alice", sam, "{\"contactId\": \"" + priya + "\", \"note\": \"" + "x".repeat(201) + "\"}").then().statusCode(400)
                .body("errors.field", contains("note"));
        connect("alice", sam, "{\"note\": \"Golf\"}").then().statusCode(400).body("errors.field", contains("contactId"));
        connect("alice", sam, "{\"contactId\": \"not-a-uuid\"}").then().statusCode(400).body("errors[0].field", equalTo("contactId"));
        connect("alice", sam, "{\"contactId\": \"" + priya + "\", \"origin\": \"INTRODUCTION\"}").then().statusCode(400)
                .body("errors[0].message", equalTo("unknown property"));
        as("alice").queryParam("limit", 0).get("/contacts/" + sam + "/connections").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));

        assertThat(connectionRows(sam)).isZero();
        assertThat(outbox.types(sam)).containsExactly(ContactCreated.TYPE);
        connect("alice", sam, "{\"contactId\": \"" + priya + "\", \"note\": \"" + "x".repeat(200) + "\"}").then().statusCode(201);
    }

    @Test
    void anotherOwnersContactIsNotFoundOnEveryConnectionEndpoint() throws SQLException {
        UUID sam = createContact("alice", "Sam Carter");
        UUID priya = createContact("alice", "Priya Shah");
        UUID bobs = createContact("bob", "Bob's contact");
        connect("alice", sam, "{\"contactId\": \"" + priya + "\"}").then().statusCode(201);

        connect("bob", sam, "{\"contactId\": \"" + bobs + "\"}").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No contact with id " + sam));
        connect("bob", sam, "{\"contactId\": \"" + priya + "\"}").then().statusCode(404);
        as("bob").get("/contacts/" + sam + "/connections").then().statusCode(404);
        as("bob").delete("/contacts/" + sam + "/connections/" + priya).then().statusCode(404);
        as("alice").get("/contacts/" + UUID.randomUUID() + "/connections").then().statusCode(404);
        as("alice").delete("/contacts/" + UUID.randomUUID() + "/connections/" + sam).then().statusCode(404);

        as("alice").get("/contacts/" + sam + "/connections").then().body("items.contactId", contains(priya.toString()));
        assertThat(outbox.types(bobs)).containsExactly(ContactCreated.TYPE);
    }

    @Test
    void deletingAContactRemovesItsConnections() throws SQLException {
        UUID sam = createContact("alice", "Sam Carter");
        UUID priya = createContact("alice", "Priya Shah");
        UUID lee = createContact("alice", "Lee Wong");
        connect("alice", sam, "{\"contactId\": \"" + priya + "\"}").then().statusCode(201);
        connect("alice", priya, "{\"contactId\": \"" + lee + "\"}").then().statusCode(201);
        connect("alice", lee, "{\"contactId\": \"" + sam + "\"}").then().statusCode(201);

        as("alice").delete("/contacts/" + priya).then().statusCode(204);

        assertThat(connectionRows(priya)).isZero();
        as("alice").get("/contacts/" + sam + "/connections").then().body("items.contactId", contains(lee.toString()));
        as("alice").get("/contacts/" + lee + "/connections").then().body("items.contactId", contains(sam.toString()));
        assertThat(outbox.types(priya)).containsExactly(ContactCreated.TYPE, ContactConnected.TYPE, ContactDeleted.TYPE);
    }

    @Test
    void theListPagesWithTheOpaqueCursor() {
        UUID sam = createContact("alice", "Sam Carter");
        List<String> others = new ArrayList<>();
        for (String name : List.of("Priya Shah", "Lee Wong", "Ana Lima")) {
            UUID other = createContact("alice", name);
            connect("alice", sam, "{\"contactId\": \"" + other + "\"}").then().statusCode(201);
            others.add(0, other.toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as("alice").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/contacts/" + sam + "/connections");
            page.then().statusCode(200);
            seen.addAll(page.path("items.contactId"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(others);
        assertThat(pages).isEqualTo(2);
        as("alice").queryParam("cursor", "garbage").get("/contacts/" + sam + "/connections").then().statusCode(400)
                .body("detail", containsString("cursor"));
    }

    private static Response connect(String user, UUID contact, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/contacts/" + contact + "/connections");
    }

    private static UUID createContact(String user, String name) {
        String location = as(user).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}").post("/contacts")
                .then().statusCode(201).extract().header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private int connectionRows(UUID contact) throws SQLException {
        try (var connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from contact_connection where contact_a = ? or contact_b = ?")) {
            query.setObject(1, contact);
            query.setObject(2, contact);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
