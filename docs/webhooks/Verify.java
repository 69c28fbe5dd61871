import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Rapport webhook (Standard Webhooks) with the JDK only (Java 17+).
 *
 * <pre>java Verify.java fixture.tsv    # checks the fixture's deliveries (see check.sh)</pre>
 */
public final class Verify {

    static final long TOLERANCE_SECONDS = 5 * 60;

    public static final class WebhookVerificationException extends Exception {
        WebhookVerificationException(String message) {
            super(message);
        }
    }

    /**
     * Checks one delivery; returns normally when it is authentic and fresh.
     *
     * @param secret  the subscription's secret, {@code whsec_<base64>}
     * @param headers webhook-id, webhook-timestamp, webhook-signature (lower-case names)
     * @param body    the raw request body, exactly as received (never re-serialized JSON)
     * @param now     the current time in epoch seconds
     */
    public static void verify(String secret, Map<String, String> headers, byte[] body, long now)
            throws WebhookVerificationException {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new WebhookVerificationException("missing webhook headers");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("bad webhook-timestamp");
        }
        if (Math.abs(now - sentAt) > TOLERANCE_SECONDS) {
            throw new WebhookVerificationException("timestamp outside the tolerance");
        }

        byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }

        // The header may carry several space-separated signatures ("v1,<sig> v1,<sig>").
        for (String candidate : signatures.split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(given, expected)) { // constant time
                return;
            }
        }
        throw new WebhookVerificationException("no matching signature");
    }

    /** Reads check.sh's fixture.tsv: name, expect, secret, id, timestamp, signature, now, base64 body. */
    public static void main(String[] args) throws Exception {
        int failures = 0;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            Map<String, String> headers = Map.of("webhook-id", f[3], "webhook-timestamp", f[4], "webhook-signature", f[5]);
            long now = f[6].isEmpty() ? System.currentTimeMillis() / 1000 : Long.parseLong(f[6]);
            String outcome;
            try {
                verify(f[2], headers, Base64.getDecoder().decode(f[7]), now);
                outcome = "valid";
            } catch (WebhookVerificationException e) {
                outcome = "invalid";
            }
            boolean ok = outcome.equals(f[1]);
            failures += ok ? 0 : 1;
            System.out.println((ok ? "ok   " : "FAIL ") + f[0] + ": " + outcome);
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
