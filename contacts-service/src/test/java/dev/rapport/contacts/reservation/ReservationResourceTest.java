package dev.rapport.contacts.reservation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.contacts.OutboxRows;
import dev.rapport.contacts.events.ContactCreated;
import dev.rapport.contacts.events.ContactStageChanged;
import dev.rapport.contacts.events.ReservationConfirmed;
import dev.rapport.contacts.events.ReservationRaised;
import dev.rapport.contacts.events.ReservationResolved;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class ReservationResourceTest {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRows outbox;

    @Test
    void aReservationIsRaisedReadAndResolved() throws SQLException {
        String contact = createContact("alice");
        Response raised = raise(contact, "{\"holder\": \"ME\", \"concern\": \"CONFIDENTIALITY\", \"note\": \"  Mentioned a client's figures  \"}");
        raised.then().statusCode(201)
                .header("Location", containsString(contact + "/reservations/"))
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("contactId", equalTo(idOf(contact).toString()))
                .body("holder", equalTo("ME"))
                .body("concern", equalTo("CONFIDENTIALITY"))
                .body("note", equalTo("Mentioned a client's figures"))
                .body("status", equalTo("OPEN"))
                .body("raisedAt", notNullValue())
                .body("$", not(hasKey("closedAt")))
                .body("$", not(hasKey("closingNote")));
        String location = raised.header("Location");
        assertThat(location).endsWith("/reservations/" + raised.path("id"));

        as("alice").get(location).then().statusCode(200)
                .header("ETag", equalTo(raised.header("ETag")))
                .body("id", equalTo(raised.path("id")))
                .body("raisedAt", equalTo(raised.path("raisedAt")));
        as("alice").header("If-None-Match", raised.header("ETag")).get(location).then().statusCode(304);
        as("alice").get(contact + "/reservations").then().statusCode(200)
                .body("items.id", contains((String) raised.path("id")))
                .body("$", not(hasKey("nextCursor")));

        Response resolved = close(location, "resolve", raised.header("ETag"), "{\"note\": \"Public information after all\"}");
        resolved.then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("closingNote", equalTo("Public information after all"))
                .body("closedAt", notNullValue())
                .body("note", equalTo("Mentioned a client's figures"))
                .header("ETag", not(equalTo(raised.header("ETag"))));
        as("alice").get(location).then().body("status", equalTo("RESOLVED")).header("ETag", equalTo(resolved.header("ETag")));
        // Resolving leaves the contact's stage alone.
        as("alice").get(contact).then().body("stage", equalTo("PROSPECT"));
        assertThat(outbox.types(idOf(contact))).containsExactly(ContactCreated.TYPE, ReservationRaised.TYPE, ReservationResolved.TYPE);
    }

    @Test
    void resolveAndConfirmTakeNoBody() throws Exception {
        String contact = createContact("alice");
        String first = raiseOk(contact, "ME", "REACH");
        String second = raiseOk(contact, "THEM", "OTHER");
        String third = raiseOk(contact, "ME", "OTHER");
        // A POST without body nor Content-Type, as curl -X POST sends it.
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(first + "/resolve"))
                .header("Authorization", "Bearer " + Tokens.of("alice"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(bare.body()).path("status").asText()).isEqualTo("RESOLVED");
        assertThat(new ObjectMapper().readTree(bare.body()).has("closingNote")).isFalse();
        close(second, "confirm", null, null).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("$", not(hasKey("closingNote")));
        close(third, "resolve", null, "{}").then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("$", not(hasKey("closingNote")));
    }

    @Test
    void partnerIsRefusedWhileAReservationIsOpenAndAllowedOnceResolved() {
        String contact = createContact("alice");
        for (String to : List.of("INVITED", "EXPLORING", "QUALIFYING")) {
            move(contact, to).then().statusCode(200);
        }
        String mine = raiseOk(contact, "ME", "COMPETENCE");
        String theirs = raiseOk(contact, "THEM", "REACH");
        close(theirs, "resolve", null, null).then().statusCode(200);

        move(contact, "PARTNER").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/open-reservations"))
                .body("detail", equalTo("A contact with open reservations cannot move to PARTNER; resolve or confirm them first: "
                        + "COMPETENCE held by ME (" + idOf(mine) + ")"));
        as("alice").get(contact).then().body("stage", equalTo("QUALIFYING"));

        close(mine, "resolve", null, "{\"note\": \"Saw their portfolio\"}").then().statusCode(200);
        move(contact, "PARTNER").then().statusCode(200).body("stage", equalTo("PARTNER"));
    }

    @Test
    void theRefusalListsEveryOpenReservation() {
        String contact = createContact("alice");
        String first = raiseOk(contact, "ME", "INTEGRITY");
        String second = raiseOk(contact, "THEM", "RELIABILITY");
        move(contact, "INVITED").then().statusCode(200);
        move(contact, "EXPLORING").then().statusCode(200);
        move(contact, "QUALIFYING").then().statusCode(200);
        move(contact, "PARTNER").then().statusCode(409)
                .body("detail", containsString("INTEGRITY held by ME (" + idOf(first) + "), RELIABILITY held by THEM (" + idOf(second) + ")"));
    }

    @Test
    void confirmingMovesTheContactToDeclinedAndPublishesBothEvents() throws Exception {
        String contact = createContact("alice");
        UUID contactId = idOf(contact);
        move(contact, "INVITED").then().statusCode(200);
        String contactEtag = as("alice").get(contact).header("ETag");
        String reservation = raiseOk(contact, "ME", "INTEGRITY");
        String etag = as("alice").get(reservation).header("ETag");

        close(reservation, "confirm", etag, "{\"note\": \"Lied about a client\"}").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("closingNote", equalTo("Lied about a client"));

        as("alice").get(contact).then().body("stage", equalTo("DECLINED")).header("ETag", not(equalTo(contactEtag)));
        as("alice").get(contact + "/stages").then()
                .body("items.to", contains("PROSPECT", "INVITED", "DECLINED"))
                .body("items[2].reason", equalTo("Reservation confirmed: INTEGRITY"));
        assertThat(outbox.types(contactId)).containsExactly(ContactCreated.TYPE, ContactStageChanged.TYPE,
                ReservationRaised.TYPE, ReservationConfirmed.TYPE, ContactStageChanged.TYPE);

        List<JsonNode> payloads = outbox.payloads(contactId);
        JsonNode confirmed = payloads.get(3);
        assertThat(confirmed.path("reservationId").asText()).isEqualTo(idOf(reservation).toString());
        assertThat(confirmed.path("contactId").asText()).isEqualTo(contactId.toString());
        assertThat(confirmed.path("holder").asText()).isEqualTo("ME");
        assertThat(confirmed.path("concern").asText()).isEqualTo("INTEGRITY");
        assertThat(confirmed.path("note").asText()).isEqualTo("Lied about a client");
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("at").asText()).isEqualTo(as("alice").get(reservation).path("closedAt").toString());
        JsonNode raisedEvent = payloads.get(2);
        assertThat(raisedEvent.path("status").asText()).isEqualTo("OPEN");
        assertThat(raisedEvent.path("note").asText()).isEqualTo("Pat is unsure");
        JsonNode moved = payloads.get(4);
        assertThat(moved.path("from").asText()).isEqualTo("INVITED");
        assertThat(moved.path("to").asText()).isEqualTo("DECLINED");
        assertThat(moved.path("reason").asText()).isEqualTo("Reservation confirmed: INTEGRITY");
    }

    @Test
    void confirmingLeavesADeclinedOrClosedContactAlone() throws SQLException {
        String declined = createContact("alice");
        move(declined, "DECLINED").then().statusCode(200);
        String onDeclined = raiseOk(declined, "THEM", "CONSISTENCY");
        close(onDeclined, "confirm", null, null).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        as("alice").get(declined).then().body("stage", equalTo("DECLINED"));
        as("alice").get(declined + "/stages").then().body("items", hasSize(2));

        String closed = createContact("alice");
        as("alice").contentType(ContentType.JSON).body("{\"to\": \"CLOSED\", \"reason\": \"Moved abroad\"}")
                .post(closed + "/stage").then().statusCode(200);
        String onClosed = raiseOk(closed, "ME", "RELIABILITY");
        close(onClosed, "confirm", null, null).then().statusCode(200);
        as("alice").get(closed).then().body("stage", equalTo("CLOSED"));
        assertThat(outbox.types(idOf(closed))).containsExactly(ContactCreated.TYPE, ContactStageChanged.TYPE,
                ReservationRaised.TYPE, ReservationConfirmed.TYPE);
    }

    @Test
    void aReservationNoLongerOpenCannotBeResolvedOrConfirmed() throws SQLException {
        String contact = createContact("alice");
        String resolved = raiseOk(contact, "ME", "COMPETENCE");
        close(resolved, "resolve", null, null).then().statusCode(200);
        close(resolved, "resolve", null, null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/reservation-not-open"))
                .body("detail", equalTo("Reservation " + idOf(resolved) + " is already RESOLVED; only an OPEN reservation can be resolved or confirmed"));
        close(resolved, "confirm", null, null).then().statusCode(409).body("detail", containsString("already RESOLVED"));

        String confirmed = raiseOk(contact, "THEM", "REACH");
        close(confirmed, "confirm", null, null).then().statusCode(200);
        close(confirmed, "resolve", null, null).then().statusCode(409).body("detail", containsString("already CONFIRMED"));
        close(confirmed, "confirm", null, null).then().statusCode(409).body("detail", containsString("already CONFIRMED"));

        as("alice").get(resolved).then().body("status", equalTo("RESOLVED"));
        assertThat(outbox.types(idOf(contact))).containsExactly(ContactCreated.TYPE, ReservationRaised.TYPE,
                ReservationResolved.TYPE, ReservationRaised.TYPE, ReservationConfirmed.TYPE, ContactStageChanged.TYPE);
    }

    @Test
    void aStaleIfMatchAnswers412AndChangesNothing() throws SQLException {
        String contact = createContact("alice");
        String reservation = raiseOk(contact, "ME", "INTEGRITY");
        String etag = as("alice").get(reservation).header("ETag");
        close(reservation, "resolve", "\"999\"", null).then().statusCode(412).contentType("application/problem+json");
        close(reservation, "confirm", "\"999\"", null).then().statusCode(412);
        as("alice").get(reservation).then().body("status", equalTo("OPEN")).header("ETag", equalTo(etag));
        as("alice").get(contact).then().body("stage", equalTo("PROSPECT"));
        assertThat(outbox.types(idOf(contact))).containsExactly(ContactCreated.TYPE, ReservationRaised.TYPE);
        close(reservation, "confirm", etag, null).then().statusCode(200);
    }

    @Test
    void badBodiesAnswer400() {
        String contact = createContact("alice");
        raise(contact, "{\"holder\": \"US\", \"concern\": \"REACH\", \"note\": \"x\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("holder"));
        raise(contact, "{\"holder\": \"me\", \"concern\": \"REACH\", \"note\": \"x\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("holder"));
        raise(contact, "{\"holder\": \"ME\", \"concern\": \"HONESTY\", \"note\": \"x\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("concern"));
        raise(contact, "{\"holder\": \"ME\", \"concern\": \"REACH\", \"note\": \"" + "x".repeat(2001) + "\"}").then().statusCode(400)
                .body("errors.field", contains("note"));
        raise(contact, "{\"holder\": \"ME\", \"concern\": \"REACH\", \"note\": \" \"}").then().statusCode(400)
                .body("errors.field", contains("note"));
        raise(contact, "{\"concern\": \"REACH\", \"note\": \"x\"}").then().statusCode(400)
                .body("errors.field", hasItem("holder"));
        raise(contact, "{\"holder\": \"ME\", \"concern\": \"REACH\", \"note\": \"x\", \"status\": \"RESOLVED\"}").then().statusCode(400)
                .body("errors[0].message", equalTo("unknown property"));
        raise(contact, "{\"holder\": \"ME\", \"concern\": \"REACH\", \"note\": \"" + "x".repeat(2000) + "\"}").then().statusCode(201);

        String reservation = raiseOk(contact, "ME", "REACH");
        close(reservation, "resolve", null, "{\"note\": \"" + "x".repeat(2001) + "\"}").then().statusCode(400)
                .body("errors.field", contains("note"));
        close(reservation, "confirm", null, "{\"note\": 5}").then().statusCode(400);
        as("alice").contentType(ContentType.TEXT).body("resolved").post(reservation + "/resolve").then().statusCode(415);
        as("alice").get(reservation).then().body("status", equalTo("OPEN"));
        as("alice").get(contact + "/reservations/not-a-uuid").then().statusCode(404);
    }

    @Test
    void theListFiltersByStatusAndPages() {
        String contact = createContact("alice");
        String open = raiseOk(contact, "ME", "REACH");
        String resolved = raiseOk(contact, "THEM", "COMPETENCE");
        String confirmed = raiseOk(contact, "ME", "OTHER");
        close(resolved, "resolve", null, null).then().statusCode(200);
        close(confirmed, "confirm", null, null).then().statusCode(200);

        as("alice").get(contact + "/reservations").then().statusCode(200)
                .body("items.id", contains(idOf(open).toString(), idOf(resolved).toString(), idOf(confirmed).toString()));
        as("alice").queryParam("status", "OPEN").get(contact + "/reservations").then()
                .body("items.id", contains(idOf(open).toString()));
        as("alice").queryParam("status", "RESOLVED").get(contact + "/reservations").then()
                .body("items.id", contains(idOf(resolved).toString()))
                .body("items.status", everyItem(equalTo("RESOLVED")));
        as("alice").queryParam("status", "CONFIRMED").get(contact + "/reservations").then()
                .body("items.id", contains(idOf(confirmed).toString()));
        as("alice").queryParam("status", "open").get(contact + "/reservations").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as("alice").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(contact + "/reservations");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly(idOf(open).toString(), idOf(resolved).toString(), idOf(confirmed).toString());
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void anotherUsersContactAndReservationAreNotFound() throws SQLException {
        String contact = createContact("alice");
        String reservation = raiseOk(contact, "ME", "INTEGRITY");
        as("bob").contentType(ContentType.JSON).body("{\"holder\": \"ME\", \"concern\": \"REACH\", \"note\": \"x\"}")
                .post(contact + "/reservations").then().statusCode(404).contentType("application/problem+json");
        as("bob").get(contact + "/reservations").then().statusCode(404);
        as("bob").get(reservation).then().statusCode(404);
        close(reservation, "resolve", null, null, "bob").then().statusCode(404);
        close(reservation, "confirm", null, "{\"note\": \"x\"}", "bob").then().statusCode(404);

        // Nor is a reservation found under another contact of the same owner.
        String other = createContact("alice");
        as("alice").get(other + "/reservations/" + idOf(reservation)).then().statusCode(404);
        close(other + "/reservations/" + idOf(reservation), "confirm", null, null).then().statusCode(404);
        as("alice").get(other + "/reservations").then().body("items", hasSize(0));
        as("alice").get("/contacts/" + UUID.randomUUID() + "/reservations").then().statusCode(404);

        as("alice").get(reservation).then().body("status", equalTo("OPEN"));
        as("alice").get(contact).then().body("stage", equalTo("PROSPECT"));
        assertThat(outbox.types(idOf(contact))).containsExactly(ContactCreated.TYPE, ReservationRaised.TYPE);
    }

    @Test
    void deletingTheContactDeletesItsReservations() throws SQLException {
        String contact = createContact("alice");
        raiseOk(contact, "ME", "INTEGRITY");
        as("alice").delete(contact).then().statusCode(204);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from reservation where contact_id = ?")) {
            query.setObject(1, idOf(contact));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    private static Response raise(String contact, String body) {
        return as("alice").contentType(ContentType.JSON).body(body).post(contact + "/reservations");
    }

    private static String raiseOk(String contact, String holder, String concern) {
        return raise(contact, "{\"holder\": \"" + holder + "\", \"concern\": \"" + concern + "\", \"note\": \"Pat is unsure\"}")
                .then().statusCode(201).extract().header("Location");
    }

    private static Response close(String reservation, String action, String ifMatch, String body) {
        return close(reservation, action, ifMatch, body, "alice");
    }

    /** Without a body, an empty application/json one (REST Assured would otherwise send a form's content type). */
    private static Response close(String reservation, String action, String ifMatch, String body, String user) {
        RequestSpecification request = as(user).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post(reservation + "/" + action);
    }

    private static Response move(String contact, String to) {
        return as("alice").contentType(ContentType.JSON).body("{\"to\": \"" + to + "\"}").post(contact + "/stage");
    }

    private static String createContact(String user) {
        return as(user).contentType(ContentType.JSON).body("{\"name\": \"Pat Lee\"}").post("/contacts")
                .then().statusCode(201).extract().header("Location");
    }

    private static UUID idOf(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
