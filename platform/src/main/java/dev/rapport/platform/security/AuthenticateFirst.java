package dev.rapport.platform.security;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.rapport.platform.http.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Authenticates every API request before anything else looks at it, so that a caller without
 * a valid token learns that first: 401, not 415 for its content type or 404 for a path. Only
 * the operations endpoints under {@code /q/} (health, metrics, OpenAPI), CORS preflights and a
 * service's {@link PublicPaths} are open.
 */
public class AuthenticateFirst {

    private final CurrentIdentityAssociation identity;
    private final PublicPaths publicPaths;

    AuthenticateFirst(CurrentIdentityAssociation identity, PublicPaths publicPaths) {
        this.identity = identity;
        this.publicPaths = publicPaths;
    }

    @ServerRequestFilter(preMatching = true, priority = 100)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/") || path.equals("/q") || HttpMethod.OPTIONS.equals(request.getMethod()) || publicPaths.isPublic(path)) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(caller -> caller.isAnonymous()
                ? Response.fromResponse(ProblemException.unauthorized().problem().toResponse())
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : null);
    }
}
