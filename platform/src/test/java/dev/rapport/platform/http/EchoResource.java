package dev.rapport.platform.http;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Answers what it read, so that tests see how the platform binds input and writes output. */
@Path("/echo")
public class EchoResource {

    public enum Kind { CALL, EMAIL }

    public record Input(String name, Integer count, Boolean flag, Kind kind, Instant at, List<String> tags, UUID ref, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Input echo(Input input) {
        return input;
    }

    @PATCH
    @Consumes("application/merge-patch+json")
    public Input patch(Input input) {
        return input;
    }

    /** Takes bodies up to 512 KiB (platform-test.large-body-size) instead of the usual 256 KiB; answers their size. */
    @POST
    @Path("/large")
    @Consumes(MediaType.TEXT_PLAIN)
    @MaxBodySize(property = "platform-test.large-body-size")
    public int large(byte[] body) {
        return body.length;
    }

    @GET
    public Response tagged(@QueryParam("q") String q) {
        return Response.ok(new Input(q, null, null, null, null, null, null, null)).tag(ETags.of(7)).build();
    }
}
