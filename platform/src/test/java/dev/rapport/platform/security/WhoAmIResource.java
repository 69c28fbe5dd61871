package dev.rapport.platform.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The caller as the services see them: the owner id their records are scoped by, and whether they are an admin. */
@Path("/whoami")
@Authenticated
public class WhoAmIResource {

    private final CurrentOwner owner;
    private final SecurityIdentity identity;

    WhoAmIResource(CurrentOwner owner, SecurityIdentity identity) {
        this.owner = owner;
        this.identity = identity;
    }

    @GET
    public String whoAmI() {
        return owner.id() + (identity.hasRole("admin") ? " admin" : "");
    }
}
