package dev.rapport.contacts.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
class RateLimitTest {

    /** Three requests at once, then one a minute and a half. */
    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rapport.http.rate-limit.burst", "3", "rapport.http.rate-limit.per-second", "0.01");
        }
    }

    @Test
    void aUserOverTheLimitGets429WithRetryAfterAndOthersAreNotAffected() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.of("alice")).get("/contacts").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.of("alice")).get("/contacts")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://rapport.dev/problems/rate-limited"));
        given().auth().oauth2(Tokens.of("bob")).get("/contacts").then().statusCode(200);
    }
}
