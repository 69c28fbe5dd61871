package dev.rapport.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;

class WebhookSignerTest {

    @Test
    void signaturesVerifyWithTheStandardWebhooksReferenceLibrary() throws Exception {
        String secret = WebhookSigner.newSecret();
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"rapport.webhook.ping.v1\",\"data\":{\"n\":1}}";
        String signature = WebhookSigner.sign(secret, "msg_1", now, body);

        HttpHeaders headers = HttpHeaders.of(Map.of(
                "webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(signature)), (a, b) -> true);
        new Webhook(secret).verify(body, headers);
        assertThat(signature).startsWith("v1,");
    }

    @Test
    void secretsAreRandomAndPrefixed() {
        assertThat(WebhookSigner.newSecret()).startsWith("whsec_").isNotEqualTo(WebhookSigner.newSecret());
    }
}
