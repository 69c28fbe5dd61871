package dev.rapport.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Bodies over 256 KiB are refused unless the operation names a larger limit of its own with @MaxBodySize. */
@QuarkusTest
class BodySizeLimitTest {

    private static final int KIB = 1024;

    private static RequestSpecification alice() {
        return given().auth().oauth2(Tokens.of("alice"));
    }

    @Test
    void aBodyOverTheDefaultLimitIsRefusedWith413() {
        alice().contentType(ContentType.JSON).body("{\"note\": \"" + "x".repeat(300 * KIB) + "\"}").post("/echo")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/payload-too-large"))
                .body("detail", equalTo("The request body exceeds 256 KiB"));
    }

    @Test
    void anOperationWithItsOwnLimitTakesLargerBodiesUpToIt() {
        alice().contentType(ContentType.TEXT).body("x".repeat(300 * KIB)).post("/echo/large")
                .then().statusCode(200).body(equalTo(String.valueOf(300 * KIB)));
        alice().contentType(ContentType.TEXT).body("x".repeat(512 * KIB)).post("/echo/large")
                .then().statusCode(200);
        alice().contentType(ContentType.TEXT).body("x".repeat(512 * KIB + 1)).post("/echo/large")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("The request body exceeds 512 KiB"));
    }
}
