package dev.rapport.systemtests;

import static io.restassured.RestAssured.given;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The deployment under test, reached only as its users reach it: the edge proxy's base URL,
 * tokens from Keycloak through the public client, and the operator's script for restarts.
 */
final class Deployment {

    static final String EDGE = System.getProperty("rapport.edge", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("rapport.keycloak", "http://localhost:8180");
    private static final String SCRIPT = System.getProperty("rapport.script", "deploy/local/rapport");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Deployment() {
    }

    /** A request to the edge proxy as {@code user} (password = user name in the local realm). */
    /**
     * The JUnit tag of tests that operate the services' processes themselves (stop, kill,
     * restart) or sweep every operation: the test command runs them against one instance of
     * each service, and every other test against two (see deploy/local/rapport, end_to_end).
     */
    static final String SINGLE_INSTANCE = "single-instance";

    /** How many instances of each service run behind the edge. */
    static final int INSTANCES = Integer.getInteger("rapport.instances", 1);

    static RequestSpecification as(String user) {
        return given().baseUri(EDGE).auth().oauth2(token(user));
    }

    static String token(String user) {
        return TOKENS.computeIfAbsent(user, Deployment::newToken);
    }

    /** The {@code sub} claim of {@code user}'s token: the owner id the services see. */
    static String subjectOf(String user) {
        String payload = token(user).split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).getString("sub");
    }

    /** A token just issued, for a test that must not run on one near its expiry. */
    static String newToken(String user) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "rapport-app")
                .formParam("username", user)
                .formParam("password", user)
                .post(KEYCLOAK + "/realms/rapport/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** Restarts one service through the operator's script, which waits until it is ready again. */
    static void restart(String service) {
        operate("restart", service);
    }

    /**
     * Runs a command of the operator's script ({@code stop SERVICE}: SIGTERM, as a rolling
     * deploy sends; {@code start SERVICE}: waits until it is ready; {@code status}, ...) and
     * answers what it printed; fails when it fails.
     */
    static String operate(String... command) {
        List<String> line = new ArrayList<>(List.of(SCRIPT));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(printed -> {
                    System.out.println(printed);
                    output.append(printed).append('\n');
                });
            }
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
            return output.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the operator's script keeps its pid files. */
    static Path runFolder() {
        return Path.of(SCRIPT).toAbsolutePath().getParent().getParent().getParent().resolve(".local/run");
    }
}
