package dev.rapport.platform.security;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.rapport.platform.http.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/**
 * The owner of every record a request touches: the subject of the caller's access token.
 * Each query is scoped by it, so another user's record is simply not found.
 */
@RequestScoped
public class CurrentOwner {

    private final JsonWebToken token;

    CurrentOwner(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's id; fails with 401 when the request carries no usable token subject. */
    public UUID id() {
        String subject = token.getSubject();
        if (subject == null) {
            throw ProblemException.unauthorized();
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized();
        }
    }

    /** Whether the request is authenticated with a token that has a subject. */
    public boolean isPresent() {
        return token.getSubject() != null;
    }
}
