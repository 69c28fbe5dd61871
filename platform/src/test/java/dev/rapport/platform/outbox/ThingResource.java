package dev.rapport.platform.outbox;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A write over HTTP, as a service's endpoints make them, for tests of how requests fail. */
@Path("/things")
public class ThingResource {

    private final ThingService things;

    ThingResource(ThingService things) {
        this.things = things;
    }

    @POST
    public Response create() {
        things.happen(UUID.randomUUID(), UUID.randomUUID(), 1);
        return Response.status(Response.Status.CREATED).build();
    }
}
