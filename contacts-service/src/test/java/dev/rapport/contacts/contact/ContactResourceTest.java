package dev.rapport.contacts.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ContactResourceTest {

    private static final String SAM = """
            {"name": "Sam Carter", "company": "Carter & Co", "email": "sam@carter.example",
             "tags": ["accountant", "bni"], "source": "MET_AT_EVENT"}""";

    @Test
    void createAnswers201WithLocationETagAndTheContact() {
        Response created = as("alice").contentType(ContentType.JSON).body(SAM)
                .post("/contacts")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/contacts/[0-9a-f-]{36}"))
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("name", equalTo("Sam Carter"))
                .body("tags", contains("accountant", "bni"))
                .body("source", equalTo("MET_AT_EVENT"))
                .body("createdAt", notNullValue())
                .extract().response();

        as("alice").get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("email", equalTo("sam@carter.example"));
    }

    @Test
    void invalidFieldsAnswer400ProblemListingEachField() {
        as("alice").contentType(ContentType.JSON)
                .body("""
                        {"name": " ", "email": "not-an-email", "tags": ["ok", "%s"], "phone": "call me"}"""
                        .formatted("x".repeat(51)))
                .post("/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("email", "name", "phone", "tags[1]"));
    }

    @Test
    void unreadableBodiesAnswer400Problems() {
        as("alice").contentType(ContentType.JSON).body("{\"name\": \"Sam\", \"nickname\": \"S\"}")
                .post("/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("nickname"))
                .body("errors[0].message", equalTo("unknown property"));
        as("alice").contentType(ContentType.JSON).body("{\"name\": \"Sam\", \"source\": \"FRIEND\"}")
                .post("/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("source"));
        as("alice").contentType(ContentType.JSON).body("{\"name\": ")
                .post("/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/malformed-json"));
        as("alice").contentType(ContentType.JSON)
                .post("/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void wrongMediaTypeAnswers415AndOversizedBodyAnswers413() {
        as("alice").contentType(ContentType.TEXT).body("Sam")
                .post("/contacts")
                .then().statusCode(415).contentType("application/problem+json");
        as("alice").contentType(ContentType.JSON)
                .body("{\"name\": \"Sam\", \"notes\": \"" + "x".repeat(300 * 1024) + "\"}")
                .post("/contacts")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void requestsWithoutAValidTokenAnswer401() {
        given().contentType(ContentType.JSON).body(SAM).post("/contacts")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://rapport.dev/problems/unauthorized"));
        given().auth().oauth2("not-a-token").get("/contacts")
                .then().statusCode(401).contentType("application/problem+json");
        String alicesToken = Tokens.of("alice");
        String tampered = alicesToken.substring(0, alicesToken.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(tampered).get("/contacts").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anotherUsersContactIsNotFound() {
        String location = create("alice", SAM);
        as("bob").get(location).then().statusCode(404).contentType("application/problem+json");
        as("bob").contentType(ContentType.JSON).body(SAM).put(location).then().statusCode(404);
        as("bob").delete(location).then().statusCode(404);
        as("alice").get(location).then().statusCode(200);
    }

    @Test
    void staleIfMatchAnswers412AndChangesNothing() {
        Response created = as("alice").contentType(ContentType.JSON).body(SAM).post("/contacts");
        String location = created.header("Location");
        String firstTag = created.header("ETag");

        String secondTag = as("alice").header("If-Match", firstTag).contentType(ContentType.JSON)
                .body("{\"name\": \"Sam Carter\", \"company\": \"Carter Partners\"}")
                .put(location)
                .then().statusCode(200)
                .body("company", equalTo("Carter Partners"))
                .body("tags", hasSize(0))
                .header("ETag", not(equalTo(firstTag)))
                .extract().header("ETag");

        as("alice").header("If-Match", firstTag).contentType(ContentType.JSON)
                .body("{\"name\": \"Someone Else\"}")
                .put(location)
                .then().statusCode(412).contentType("application/problem+json");
        as("alice").header("If-Match", firstTag).delete(location).then().statusCode(412);
        as("alice").get(location).then().statusCode(200)
                .header("ETag", equalTo(secondTag))
                .body("name", equalTo("Sam Carter"));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String location = create("alice", SAM);
        as("alice").contentType("application/merge-patch+json")
                .body("{\"role\": \"Partner\", \"email\": null}")
                .patch(location)
                .then().statusCode(200)
                .body("role", equalTo("Partner"))
                .body("email", nullValue())
                .body("company", equalTo("Carter & Co"))
                .body("tags", contains("accountant", "bni"));

        as("alice").contentType("application/merge-patch+json")
                .body("{\"name\": null}")
                .patch(location)
                .then().statusCode(400)
                .body("errors.field", hasItem("name"));
        as("alice").contentType("application/merge-patch+json")
                .body("{\"tags\": 5}")
                .patch(location)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("tags"));
        as("alice").get(location).then().body("name", equalTo("Sam Carter"));
    }

    @Test
    void deleteAnswers204ThenTheContactIsGone() {
        String location = create("alice", SAM);
        as("alice").delete(location).then().statusCode(204);
        as("alice").get(location).then().statusCode(404);
    }

    @Test
    void repeatedPostWithIdempotencyKeyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String tag = "idem-" + UUID.randomUUID();
        String body = "{\"name\": \"Kim\", \"tags\": [\"" + tag + "\"]}";
        Response first = as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/contacts");
        first.then().statusCode(201);

        as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/contacts")
                .then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.path("id")));

        as("alice").header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\": \"Not Kim\"}")
                .post("/contacts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/idempotency-key-reused"));

        as("alice").queryParam("tag", tag).get("/contacts").then().body("items", hasSize(1));
        // The key is the caller's own: bob may use the same one for his own request.
        as("bob").header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/contacts").then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void listPagesNewestFirstWithOpaqueCursor() {
        String tag = "page-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String location = create("alice", "{\"name\": \"Person " + i + "\", \"tags\": [\"" + tag + "\"]}");
            created.add(0, location.substring(location.lastIndexOf('/') + 1));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as("alice").queryParam("tag", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/contacts");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);

        org.assertj.core.api.Assertions.assertThat(seen).containsExactlyElementsOf(created);
        org.assertj.core.api.Assertions.assertThat(pages).isEqualTo(3);
        as("bob").queryParam("tag", tag).get("/contacts").then().body("items", hasSize(0));
    }

    @Test
    void badPagingParametersAnswer400() {
        as("alice").queryParam("limit", 0).get("/contacts").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("alice").queryParam("limit", 201).get("/contacts").then().statusCode(400);
        as("alice").queryParam("cursor", "garbage").get("/contacts").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        as("alice").queryParam("limit", "many").get("/contacts").then().statusCode(400).contentType("application/problem+json");
        as("alice").get("/contacts/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    private static String create(String user, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/contacts")
                .then().statusCode(201).extract().header("Location");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
