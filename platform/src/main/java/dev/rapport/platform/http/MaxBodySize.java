package dev.rapport.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives one operation a body limit of its own instead of {@code rapport.http.max-body-size}:
 * the size (such as {@code 8M}) that the named configuration property holds, read at the first
 * request. {@link BodySizeLimit} applies it. The HTTP server's backstop,
 * {@code quarkus.http.limits.max-body-size}, must be at least as large, or it refuses such bodies
 * first, without a problem body.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxBodySize {

    /** The configuration property that holds this operation's limit. */
    String property();
}
