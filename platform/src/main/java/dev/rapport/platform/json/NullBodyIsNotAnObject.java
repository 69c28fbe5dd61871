package dev.rapport.platform.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.rapport.platform.http.ProblemException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Refuses a JSON body that is the literal {@code null}: JAX-RS would hand the resource the same
 * null as for no body at all, so an optional body sent as {@code null} would pass as absent.
 * Bodies are small (the platform caps them at 256 KiB), so reading one twice costs little.
 */
@Provider
public class NullBodyIsNotAnObject implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !context.getMediaType().getSubtype().endsWith("json")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (new String(body, StandardCharsets.UTF_8).strip().equals("null")) {
            throw ProblemException.invalid("body", "must be a JSON object, not null");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
