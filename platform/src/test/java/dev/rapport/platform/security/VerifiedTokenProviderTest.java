package dev.rapport.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class VerifiedTokenProviderTest {

    @Inject
    MeterRegistry registry;

    @Test
    void aTokenVerifiedOnceIsAnsweredFromMemoryWithItsOwnIdentity() {
        String alice = Tokens.of("alice");
        assertThat(whoAmI(alice)).isEqualTo(Tokens.subjectOf("alice"));
        double hits = hits();
        assertThat(whoAmI(alice)).isEqualTo(Tokens.subjectOf("alice"));
        assertThat(whoAmI(alice)).isEqualTo(Tokens.subjectOf("alice"));
                assertThat(hits()).isGreaterThanOrEqualTo(hits + 2);

        assertThat(whoAmI(Tokens.of("bob"))).isEqualTo(Tokens.subjectOf("bob"));
        assertThat(whoAmI(Tokens.of("admin"))).isEqualTo(Tokens.subjectOf("admin") + " admin");
        assertThat(whoAmI(Tokens.of("admin"))).isEqualTo(Tokens.subjectOf("admin") + " admin");
        assertThat(whoAmI(alice)).isEqualTo(Tokens.subjectOf("alice"));
    }

    @Test
    void aTokenThatDiffersFromAVerifiedOneIsVerifiedAndRefused() {
        String alice = Tokens.of("alice");
        whoAmI(alice);
        // Not the last character: its low bits are padding, which a decoder may ignore.
        int at = alice.length() - 10;
        String forged = alice.substring(0, at) + (alice.charAt(at) == 'A' ? 'B' : 'A') + alice.substring(at + 1);
        given().auth().oauth2(forged).get("/whoami").then().statusCode(401);
        String otherClaims = alice.substring(0, alice.indexOf('.') + 1) + "e30" + alice.substring(alice.lastIndexOf('.'));
        given().auth().oauth2(otherClaims).get("/whoami").then().statusCode(401);
    }

    private static String whoAmI(String token) {
        return given().auth().oauth2(token).get("/whoami").then().statusCode(200).extract().asString();
    }

    private double hits() {
        return registry.get("rapport.security.verified.tokens").tag("result", "hit").counter().count();
    }
}
