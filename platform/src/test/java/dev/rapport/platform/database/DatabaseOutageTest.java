package dev.rapport.platform.database;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A database restarting is an outage to wait out: 503 with Retry-After, never a 500. */
@QuarkusTest
@TestProfile(DatabaseBehindProxy.class)
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsUnreachableWritesAnswer503WithRetryAfterAndThenSucceedAgain() throws Exception {
        given().auth().oauth2(Tokens.of("alice")).post("/things").then().statusCode(201);

        DatabaseBehindProxy.proxy.cut();
        try {
            // The pooled connections break, and new ones are refused: both are the outage.
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(Tokens.of("alice")).post("/things").then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "2")
                        .body("type", endsWith("/unavailable"))
                        .body("status", equalTo(503));
            }
        } finally {
            DatabaseBehindProxy.proxy.restore();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of("alice")).post("/things").then().statusCode(201));
    }
}
