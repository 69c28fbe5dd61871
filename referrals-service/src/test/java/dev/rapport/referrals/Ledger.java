package dev.rapport.referrals;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import dev.rapport.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Records referrals and moves them through the API, for the tests that need a ledger to read. */
public final class Ledger {

    private Ledger() {
    }

    /** A referral with status OPEN; answers its id. */
    public static String record(String user, String direction, UUID partner, Instant occurredAt) {
        String location = as(user).contentType(ContentType.JSON)
                .body("""
                        {"direction": "%s", "partnerId": "%s", "referredName": "Jo Patel", "occurredAt": "%s"}"""
                        .formatted(direction, partner, occurredAt))
                .post("/referrals")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Moves the referral to {@code to} at {@code at}. */
    public static void move(String user, String id, String to, Instant at) {
        post(user, id, "status", "{\"to\": \"%s\", \"at\": \"%s\"}".formatted(to, at));
    }

    /** Moves the referral through CONTACTED to WON with the value, both at {@code at}. */
    public static String won(String user, String id, String amount, String currency, Instant at) {
        move(user, id, "CONTACTED", at);
        post(user, id, "status", "{\"to\": \"WON\", \"at\": \"%s\", \"value\": {\"amount\": \"%s\", \"currency\": \"%s\"}}"
                .formatted(at, amount, currency));
        return id;
    }

    public static void reverse(String user, String id) {
        post(user, id, "reversal", "{}");
    }

    private static void post(String user, String id, String action, String body) {
        as(user).contentType(ContentType.JSON).body(body).post("/referrals/" + id + "/" + action).then().statusCode(200);
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }
}
