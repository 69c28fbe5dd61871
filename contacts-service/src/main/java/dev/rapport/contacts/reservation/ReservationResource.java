package dev.rapport.contacts.reservation;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Reservations about a contact, mine about them or theirs about me, from raised to resolved or confirmed. */
@Path("/contacts")
@Authenticated
@Tag(name = "Contacts", description = "The people in the owner's network")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

    private final ReservationService reservations;
    private final CurrentOwner owner;

    ReservationResource(ReservationService reservations, CurrentOwner owner) {
        this.reservations = reservations;
        this.owner = owner;
    }

    @POST
    @Path("/{id}/reservations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "raiseContactReservation", summary = "Raise a reservation about a contact",
            description = "Records an OPEN reservation, held by ME (mine about them) or THEM (theirs about me), and "
                    + "publishes rapport.reservation.raised.v1. Allowed in any stage, DECLINED and CLOSED included; "
                    + "while it is open the contact cannot move to PARTNER.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RaiseReservationRequest.class),
            examples = {
                    @ExampleObject(name = "mine", summary = "My reservation about them",
                            value = "{\"holder\": \"ME\", \"concern\": \"CONFIDENTIALITY\", "
                                    + "\"note\": \"Mentioned another client's figures over coffee\"}"),
                    @ExampleObject(name = "theirs", summary = "Their reservation about me",
                            value = "{\"holder\": \"THEM\", \"concern\": \"REACH\", "
                                    + "\"note\": \"Doubts I know enough owners of design studios\"}") }))
    @APIResponse(responseCode = "201", description = "The reservation was raised; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    public Response raise(@PathParam("id") UUID id, @Valid @NotNull RaiseReservationRequest body) {
        ReservationService.Versioned raised = reservations.raise(owner.id(), id, body);
        return Response.created(URI.create("/contacts/" + id + "/reservations/" + raised.reservation().id()))
                .tag(ETags.of(raised.version()))
                .entity(raised.reservation())
                .build();
    }

    @GET
    @Path("/{id}/reservations")
    @Operation(operationId = "listContactReservations", summary = "A contact's reservations, oldest first",
            description = "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page; "
                    + "?status= keeps one status.")
    @APIResponse(responseCode = "200", description = "One page of reservations")
    public Page<ReservationResponse> list(@PathParam("id") UUID id,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "Only reservations in this status",
                    schema = @Schema(implementation = ReservationStatus.class)) @QueryParam("status") String status) {
        return reservations.list(owner.id(), id, QueryParams.enumOf("status", status, ReservationStatus.class),
                PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}/reservations/{reservationId}")
    @Operation(operationId = "getContactReservation", summary = "Get a reservation",
            description = "Answers the reservation with its ETag, for a later If-Match.")
    @APIResponse(responseCode = "200", description = "The reservation, with its ETag",
            content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response get(@PathParam("id") UUID id, @PathParam("reservationId") UUID reservationId) {
        ReservationService.Versioned found = reservations.get(owner.id(), id, reservationId);
        return Response.ok(found.reservation()).tag(ETags.of(found.version())).build();
    }

    @POST
    @Path("/{id}/reservations/{reservationId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveContactReservation", summary = "Resolve a reservation",
            description = "Moves an OPEN reservation to RESOLVED (cleared up) and publishes "
                    + "rapport.reservation.resolved.v1. The body is optional. Honours If-Match.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CloseReservationRequest.class),
            examples = @ExampleObject(name = "resolved", summary = "Cleared up in the one-to-one",
                    value = "{\"note\": \"Explained it was public information; fine\"}")))
    @APIResponse(responseCode = "200", description = "The resolved reservation, with its new ETag",
            content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    @APIResponse(responseCode = "409", description = "The reservation is not OPEN (reservation-not-open; the detail names "
            + "its status), was changed concurrently, or a request with the same Idempotency-Key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response resolve(@PathParam("id") UUID id, @PathParam("reservationId") UUID reservationId,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid CloseReservationRequest body) {
        ReservationService.Versioned resolved = reservations.resolve(owner.id(), id, reservationId, ifMatch, noteOf(body));
        return Response.ok(resolved.reservation()).tag(ETags.of(resolved.version())).build();
    }

    @POST
    @Path("/{id}/reservations/{reservationId}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmContactReservation", summary = "Confirm a reservation as a deal-breaker",
            description = "Moves an OPEN reservation to CONFIRMED and publishes rapport.reservation.confirmed.v1; in the "
                    + "same transaction the contact moves to DECLINED (reason \"Reservation confirmed: <concern>\", "
                    + "publishing rapport.contact.stage-changed.v1) unless it is already DECLINED or CLOSED, which "
                    + "stay as they are. The body is optional. Honours If-Match (the reservation's ETag).")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CloseReservationRequest.class),
            examples = @ExampleObject(name = "confirmed", summary = "A deal-breaker",
                    value = "{\"note\": \"Shared a client's figures again; not someone to refer to\"}")))
    @APIResponse(responseCode = "200", description = "The confirmed reservation, with its new ETag",
            content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    @APIResponse(responseCode = "409", description = "The reservation is not OPEN (reservation-not-open; the detail names "
            + "its status), it or its contact was changed concurrently, or a request with the same Idempotency-Key "
            + "is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response confirm(@PathParam("id") UUID id, @PathParam("reservationId") UUID reservationId,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid CloseReservationRequest body) {
        ReservationService.Versioned confirmed = reservations.confirm(owner.id(), id, reservationId, ifMatch, noteOf(body));
        return Response.ok(confirmed.reservation()).tag(ETags.of(confirmed.version())).build();
    }

    private static String noteOf(CloseReservationRequest body) {
        return body == null ? null : body.note();
    }
}
