package dev.rapport.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token that OIDC verified before and that has not expired, with the identity
 * OIDC gave for it (and this request's routing context); for any other token it answers nothing,
 * and OIDC's provider, tried next, verifies it. See {@link VerifiedTokens}.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens verified;

    VerifiedTokenProvider(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before every other provider, OIDC's among them (whose priority is above {@link #SYSTEM_FIRST}). */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return verified.lookUp(request.getToken().getToken())
                .map(identity -> Uni.createFrom().<SecurityIdentity> item(QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, HttpSecurityUtils.getRoutingContextAttribute(request))
                        .build()))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }
}
