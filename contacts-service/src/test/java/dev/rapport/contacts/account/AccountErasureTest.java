package dev.rapport.contacts.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.contacts.OutboxRows;
import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** erin's account is the one erased: no other test uses it. */
@QuarkusTest
class AccountErasureTest {

    @Inject
    OutboxRows outbox;

    @Test
    void erasingAnAccountDeletesAllItsDataHereAndAnnouncesIt() throws Exception {
        String erin = Tokens.subjectOf("erin");
        String dana = create("erin", "Dana Whitfield");
        String lee = create("erin", "Lee Park");
        as("erin").contentType(ContentType.JSON).body("{\"know\": 3, \"like\": 3, \"trust\": 2}").post("/contacts/" + dana + "/ratings")
                .then().statusCode(201);
        as("erin").contentType(ContentType.JSON).body("{\"contactId\": \"" + lee + "\"}").post("/contacts/" + dana + "/connections")
                .then().statusCode(201);
        String alicesContact = create("alice", "Dana Whitfield");
        assertThat(export(erin).getList("tables.contact")).isNotEmpty();

        JsonPath erased = as("admin").delete("/admin/accounts/" + erin).then().statusCode(202).extract().jsonPath();
        assertThat(erased.getString("ownerId")).isEqualTo(erin);

        JsonPath after = export(erin);
        assertThat(after.getString("erasedAt")).isEqualTo(erased.getString("erasedAt"));
        Map<String, List<Object>> tables = after.getMap("tables");
        tables.forEach((table, rows) -> {
            if (!table.equals("outbox_event")) {
                assertThat(rows).as(table).isEmpty();
            }
        });
        // What is left is the announcement itself, which names nobody.
        assertThat(after.getList("tables.outbox_event.type")).containsExactly("rapport.account.erased.v1");
        assertThat(outbox.types(UUID.fromString(erin))).containsExactly("rapport.account.erased.v1");
        as("erin").get("/contacts").then().statusCode(200).body("items.size()", equalTo(0));
        as("alice").get("/contacts/" + alicesContact).then().statusCode(200);

        // Erasing again is harmless.
        as("admin").delete("/admin/accounts/" + erin).then().statusCode(202);
    }

    @Test
    void onlyAnAdministratorErasesAnAccount() {
        String bob = Tokens.subjectOf("bob");
        String bobs = create("bob", "Pat Quinn");
        given().delete("/admin/accounts/" + bob).then().statusCode(401);
        as("alice").delete("/admin/accounts/" + bob).then().statusCode(403).contentType("application/problem+json");
        as("bob").delete("/admin/accounts/" + bob).then().statusCode(403);
        for (String notAnId : List.of("not-a-uuid", "1-1-1-1-1", bob + "0")) {
            as("admin").delete("/admin/accounts/" + notAnId).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("ownerId"));
        }
        as("bob").get("/contacts/" + bobs).then().statusCode(200);
    }

    private JsonPath export(String ownerId) {
        return as("admin").get("/admin/contacts-service/accounts/" + ownerId).then().statusCode(200).extract().jsonPath();
    }

    private static String create(String user, String name) {
        return as(user).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}").post("/contacts").then().statusCode(201)
                .extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
