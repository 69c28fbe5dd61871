package dev.rapport.meetings.meeting;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.meetings.contacts.ContactReferences;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.http.ETags;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.Problem;
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

@Path("/one-to-ones")
@Authenticated
@Tag(name = "One-to-ones", description = "One-to-one meetings with contacts, from the invitation to the meeting held")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingResource {

    private static final String TRANSITION_CONFLICT = "The one-to-one's status does not allow the move (invalid-transition; "
            + "the detail names the allowed moves), it was changed concurrently, or a request with the same Idempotency-Key "
            + "is still running";
    private static final String PRECONDITION_FAILED = "If-Match does not match the one-to-one's current ETag";

    private final MeetingService meetings;
    private final CurrentOwner owner;

    MeetingResource(MeetingService meetings, CurrentOwner owner) {
        this.meetings = meetings;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scheduleMeeting", summary = "Invite a contact to a one-to-one, or record one agreed already",
            description = "With status INVITED, sends an invitation (publishes rapport.invitation.sent.v1); with status SCHEDULED "
                    + "(the default), records a meeting agreed already (publishes rapport.meeting.scheduled.v1). "
                    + "An unknown, deleted or foreign contact is refused with 422 unknown-contact; a REFERRAL_FIT meeting "
                    + "without a held DISCOVERY meeting where both agreed to follow up with 422 discovery-required, unless "
                    + "overrideTwoStageRule is true with a reason, which the meeting records.")
    @APIResponse(responseCode = "201", description = "The one-to-one was arranged; Location names it",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    public Response schedule(@Valid @NotNull ScheduleMeetingRequest body) {
        MeetingService.Versioned created = meetings.arrange(owner.id(), body);
        return Response.created(URI.create("/one-to-ones/" + created.meeting().id()))
                .tag(ETags.of(created.version()))
                .entity(created.meeting())
                .build();
    }

    @GET
    @Operation(operationId = "listMeetings", summary = "List one-to-one meetings, newest first",
            description = "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page.")
    @APIResponse(responseCode = "200", description = "One page of meetings")
    public Page<MeetingResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "Only meetings with this contact", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("contactId") String contactId,
            @Parameter(description = "Only meetings in this status", schema = @Schema(implementation = MeetingStatus.class))
            @QueryParam("status") String status) {
        return meetings.list(owner.id(), PageRequest.of(limit, cursor), QueryParams.uuid("contactId", contactId),
                QueryParams.enumOf("status", status, MeetingStatus.class));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMeeting", summary = "Get a one-to-one meeting",
            description = "Answers the meeting with its ETag, for a later If-Match.")
    @APIResponse(responseCode = "200", description = "The meeting, with its ETag",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response get(@PathParam("id") UUID id) {
        MeetingService.Versioned found = meetings.get(owner.id(), id);
        return Response.ok(found.meeting()).tag(ETags.of(found.version())).build();
    }

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptInvitation", summary = "Record that the contact accepted the invitation",
            description = "INVITED → ACCEPTED; publishes rapport.invitation.accepted.v1. Agree the time next with /schedule. "
                    + "Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The accepted one-to-one, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "409", description = TRANSITION_CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response accept(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch) {
        return answer(meetings.accept(owner.id(), id, ifMatch));
    }

    @POST
    @Path("/{id}/decline")
    @Operation(operationId = "declineInvitation", summary = "Record that the contact declined the invitation",
            description = "INVITED → DECLINED; publishes rapport.invitation.declined.v1 (contacts-service moves a PROSPECT or "
                    + "INVITED contact to DECLINED). Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The declined one-to-one, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "409", description = TRANSITION_CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response decline(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch) {
        return answer(meetings.decline(owner.id(), id, ifMatch));
    }

    @POST
    @Path("/{id}/no-response")
    @Operation(operationId = "markInvitationUnanswered", summary = "Record that the invitation went unanswered",
            description = "INVITED → NO_RESPONSE; publishes rapport.invitation.expired.v1 (contacts-service moves a PROSPECT or "
                    + "INVITED contact to DECLINED). Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The unanswered one-to-one, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "409", description = TRANSITION_CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response noResponse(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch) {
        return answer(meetings.noResponse(owner.id(), id, ifMatch));
    }

    @POST
    @Path("/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scheduleAcceptedMeeting", summary = "Agree the time of a one-to-one, or reschedule it",
            description = "ACCEPTED → SCHEDULED (publishes rapport.meeting.scheduled.v1), or SCHEDULED → SCHEDULED at a new "
                    + "time (publishes rapport.meeting.rescheduled.v1); every time agreed stays in the history. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The scheduled one-to-one, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "409", description = TRANSITION_CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response scheduleAccepted(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull MeetingTimeRequest body) {
        return answer(meetings.schedule(owner.id(), id, ifMatch, body));
    }

    @POST
    @Path("/{id}/held")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordMeetingHeld", summary = "Record that a meeting took place",
            description = "Moves a SCHEDULED meeting to HELD with its outcome and publishes rapport.meeting.held.v1. "
                    + "heldAt must not be in the future. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The held meeting, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "409", description = TRANSITION_CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response hold(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull MeetingHeldRequest body) {
        return answer(meetings.hold(owner.id(), id, ifMatch, body));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelMeeting", summary = "Cancel a one-to-one that has not taken place",
            description = "Moves an INVITED, ACCEPTED or SCHEDULED one-to-one to CANCELLED and publishes "
                    + "rapport.meeting.cancelled.v1. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The cancelled meeting, with its new ETag",
            content = @Content(schema = @Schema(implementation = MeetingResponse.class)))
    @APIResponse(responseCode = "409", description = TRANSITION_CONFLICT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response cancel(@PathParam("id") UUID id,
            @Parameter(description = "ETag the change is based on") @HeaderParam("If-Match") String ifMatch) {
        return answer(meetings.cancel(owner.id(), id, ifMatch));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getMeetingHistory", summary = "The history of a one-to-one, oldest first",
            description = "How it began, each answer, each time agreed (reschedulings included) and how it ended.")
    @APIResponse(responseCode = "200", description = "Every move of the one-to-one",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MeetingChangeResponse.class)))
    public List<MeetingChangeResponse> history(@PathParam("id") UUID id) {
        return meetings.history(owner.id(), id);
    }

    private static Response answer(MeetingService.Versioned changed) {
        return Response.ok(changed.meeting()).tag(ETags.of(changed.version())).build();
    }
}
