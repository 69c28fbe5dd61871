package dev.rapport.platform.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the identity OIDC gave for a bearer token it verified, until the token's expiry, so that
 * {@link VerifiedTokenProvider} answers the token's next requests. The first augmentor, so that
 * what is kept is OIDC's identity before any other augmentor changed it (they run again on it).
 */
@ApplicationScoped
public class RememberVerifiedToken implements SecurityIdentityAugmentor {

    private final VerifiedTokens verified;

    RememberVerifiedToken(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            verified.remember(credential.getToken(), identity, token.getExpirationTime());
        }
        return Uni.createFrom().item(identity);
    }
}
