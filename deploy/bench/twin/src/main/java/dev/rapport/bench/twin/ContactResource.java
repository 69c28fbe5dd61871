package dev.rapport.bench.twin;

import java.util.UUID;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET /contacts/{id} as a Quarkus guide would write it: findById, the owner check, 404 otherwise. */
@Path("/contacts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final SecurityIdentity identity;

    ContactResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        Contact contact = Contact.findById(id);
        if (contact == null || !contact.ownerId.toString().equals(identity.getPrincipal().getName())) {
            throw new NotFoundException();
        }
        return Response.ok(ContactAnswer.of(contact)).tag(Long.toString(contact.version)).build();
    }
}
