package dev.rapport.platform.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.json.ResponseJson;
import dev.rapport.platform.security.CurrentOwner;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code Idempotency-Key} on {@code POST}: the first answer for a key is stored and replayed
 * for a repeat with the same body; the same key with another body is refused with 422, and a
 * repeat while the first is still running with 409.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final CurrentOwner owner;
    private final ObjectMapper mapper;

    IdempotencyFilter(IdempotencyStore store, CurrentOwner owner, ResponseJson responses) {
        this.store = store;
        this.owner = owner;
        this.mapper = responses.mapper();
    }

    @ServerRequestFilter
    public Response claim(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !owner.isPresent()) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        byte[] body = readBody(request);
        String hash = hash(request.getUriInfo().getPath(), body);
        IdempotencyStore.Claim claim = store.claim(owner.id(), key, hash);
        if (claim instanceof IdempotencyStore.Claimed claimed) {
            request.setProperty(CLAIM, claimed);
            return null;
        }
        if (claim instanceof IdempotencyStore.Answered answered) {
            return replay(answered);
        }
        if (claim instanceof IdempotencyStore.Mismatch) {
            return Problem.of("idempotency-key-reused", "Unprocessable request", 422,
                    "This Idempotency-Key was already used with another request").toResponse();
        }
        return Problem.of("idempotency-key-in-use", "Conflict", 409,
                "A request with this Idempotency-Key is still being processed; retry shortly").toResponse();
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!(request.getProperty(CLAIM) instanceof IdempotencyStore.Claimed claimed)) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500 || status == 409 || status == 412 || status == 429) {
            // Worth retrying with the same key: forget the claim rather than replay the refusal.
            store.release(claimed);
            return;
        }
        String body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
        String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
        store.complete(claimed, new IdempotencyStore.Answered(response.getStatus(), contentType,
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG), body));
    }

    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.getEntityStream()) {
            byte[] body = in.readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        }
    }

    private static String hash(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response replay(IdempotencyStore.Answered answered) {
        Response.ResponseBuilder replay = Response.status(answered.status()).header(REPLAYED_HEADER, "true");
        if (answered.body() != null) {
            replay.entity(answered.body()).type(answered.contentType());
        }
        if (answered.location() != null) {
            replay.header(HttpHeaders.LOCATION, answered.location());
        }
        if (answered.etag() != null) {
            replay.header(HttpHeaders.ETAG, answered.etag());
        }
        return replay.build();
    }
}
