package dev.rapport.platform.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real access tokens from the local Keycloak (realm {@code rapport}), for the demo users
 * alice, bob and admin, through the confidential test client.
 */
public final class Tokens {

    private static final String KEYCLOAK = System.getProperty("rapport.keycloak.url",
            System.getenv().getOrDefault("RAPPORT_KEYCLOAK_URL", "http://localhost:8180"));
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {
    }

    /** An access token for {@code user} (password = user name in the local realm). */
    public static String of(String user) {
        return CACHE.computeIfAbsent(user, Tokens::fetch);
    }

    /** The {@code sub} claim of {@code user}'s token: the owner id the services see. */
    public static String subjectOf(String user) {
        String payload = of(user).split("\\.")[1];
        try {
            return MAPPER.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fetch(String user) {
        String form = "grant_type=password&client_id=rapport-tests&client_secret=rapport-tests-secret"
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/rapport/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
            }
            JsonNode body = MAPPER.readTree(response.body());
            return body.get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + KEYCLOAK
                    + "; start it with deploy/local/rapport infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
