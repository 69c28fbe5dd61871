import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.rapport.notifications.webhook.WebhookSigner;

/**
 * Signs test deliveries with notifications-service's own WebhookSigner (compiled from its source
 * by check.sh) and writes them as fixture.json (for verify.js and verify.py) and fixture.tsv
 * (for Verify.java), each case with the outcome a correct verifier must reach.
 */
public final class MakeFixture {

    private record Case(String name, String expect, String secret, String id, long timestamp, String signature, Long now, String body) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long now = Instant.now().getEpochSecond();
        String secret = WebhookSigner.newSecret();
        String other = WebhookSigner.newSecret();
        String id = "msg_" + UUID.randomUUID();
        // A realistic body, with non-ASCII text: the signature covers its UTF-8 bytes.
        String body = "{\"type\":\"rapport.notification.created.v1\",\"timestamp\":\"" + Instant.ofEpochSecond(now)
                + "\",\"data\":{\"notificationId\":\"" + UUID.randomUUID() + "\",\"rule\":\"referral.unreturned\","
                + "\"subjectId\":\"" + UUID.randomUUID() + "\",\"subjectName\":\"Zoë Müller-Łukasik\","
                + "\"title\":\"Unreturned referrals: Zoë Müller-Łukasik\",\"message\":\"2 referrals given — none back\","
                + "\"createdAt\":\"" + Instant.ofEpochSecond(now) + "\"}}";
        String signature = WebhookSigner.sign(secret, id, now, body);

        // The Standard Webhooks specification's published example, signed here by Rapport's signer too.
        String specSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String specSignature = WebhookSigner.sign(specSecret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
        if (!specSignature.equals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")) {
            throw new AssertionError("WebhookSigner does not reproduce the specification's example: " + specSignature);
        }

        List<Case> cases = new ArrayList<>();
        cases.add(new Case("signed by WebhookSigner", "valid", secret, id, now, signature, null, body));
        cases.add(new Case("several signatures, one matching", "valid", secret, id, now,
                WebhookSigner.sign(other, id, now, body) + " " + signature, null, body));
        cases.add(new Case("standard webhooks example", "valid", specSecret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                specSignature, 1614265330L, "{\"test\": 2432232314}"));
        cases.add(new Case("body changed", "invalid", secret, id, now, signature, null, body.replace("Zoë", "Zoe")));
        cases.add(new Case("another secret", "invalid", other, id, now, signature, null, body));
        cases.add(new Case("another message id", "invalid", secret, "msg_" + UUID.randomUUID(), now, signature, null, body));
        cases.add(new Case("signed 10 minutes ago", "invalid", secret, id, now - 600,
                WebhookSigner.sign(secret, id, now - 600, body), null, body));
        cases.add(new Case("signature version v2", "invalid", secret, id, now, signature.replace("v1,", "v2,"), null, body));

        StringBuilder json = new StringBuilder("{\"cases\": [\n");
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            json.append("  {\"name\": ").append(quote(c.name())).append(", \"expect\": ").append(quote(c.expect()))
                    .append(", \"secret\": ").append(quote(c.secret()))
                    .append(", \"headers\": {\"webhook-id\": ").append(quote(c.id()))
                    .append(", \"webhook-timestamp\": ").append(quote(Long.toString(c.timestamp())))
                    .append(", \"webhook-signature\": ").append(quote(c.signature())).append("}")
                    .append(", \"now\": ").append(c.now() == null ? "null" : c.now().toString())
                    .append(", \"body\": ").append(quote(c.body())).append("}")
                    .append(i < cases.size() - 1 ? ",\n" : "\n");
            tsv.append(String.join("\t", c.name(), c.expect(), c.secret(), c.id(), Long.toString(c.timestamp()), c.signature(),
                    c.now() == null ? "" : c.now().toString(),
                    Base64.getEncoder().encodeToString(c.body().getBytes(StandardCharsets.UTF_8)))).append('\n');
        }
        json.append("]}\n");
        Files.writeString(dir.resolve("fixture.json"), json, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("fixture.tsv"), tsv, StandardCharsets.UTF_8);
    }

    /** A JSON string; the bodies here hold no control characters. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
