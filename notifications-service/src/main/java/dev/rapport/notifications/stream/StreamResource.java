package dev.rapport.notifications.stream;

import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

@Path("/notifications/stream")
@Authenticated
@Tag(name = "Live stream", description = "The owner's notification events as they happen, as server-sent events")
public class StreamResource {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");
    private static final String EXAMPLE = """
            : keep-alive

            id:42
            event:rapport.notification.created.v1
            data:{"type":"rapport.notification.created.v1","timestamp":"2026-11-23T10:15:30.123456Z","data":{"notificationId":"5a1c2f7e-3b7d-4c1e-9a57-0d3f4e6b8c21","rule":"relationship.stalled","subjectId":"0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11","subjectName":"Sam Carter","threshold":"DUE","title":"Stalled relationship: Sam Carter","message":"No meeting, touchpoint or referral with Sam Carter for 31 days, and you keep in touch with a referral partner every 30 days. Time to get back in touch.","link":"/contacts/0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11","createdAt":"2026-11-23T10:15:30.123456Z"}}

            id:43
            event:rapport.notification.resolved.v1
            data:{"type":"rapport.notification.resolved.v1","timestamp":"2026-11-24T08:02:11.5Z","data":{"notificationId":"5a1c2f7e-3b7d-4c1e-9a57-0d3f4e6b8c21","rule":"relationship.stalled","subjectId":"0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11","threshold":"DUE","resolvedAt":"2026-11-24T08:02:11.5Z"}}

            """;

    private final StreamHub hub;
    private final CurrentOwner owner;

    StreamResource(StreamHub hub, CurrentOwner owner) {
        this.hub = hub;
        this.owner = owner;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamNotifications", summary = "The caller's notification events, live",
            description = "Server-sent events (text/event-stream) that stay open: every notification event of the caller's, as it is "
                    + "published (rapport.notification.created.v1, .resolved.v1, .returned.v1), within a second, whichever instance "
                    + "raised it. Each message has `id:` (its position in the caller's stream, 1, 2, 3...), `event:` (the type) and "
                    + "one `data:` line of JSON, the body a webhook gets: `{\"type\", \"timestamp\", \"data\"}`. A `: keep-alive` "
                    + "comment comes at once and after every 15 s of silence. To resume after a disconnection, send the last id "
                    + "received as the `Last-Event-ID` header (EventSource does so by itself): the events missed come first, in "
                    + "order, then the stream goes on. Events are kept 7 days; when some the client missed are gone (or the id is "
                    + "not one this stream gave), the stream starts with a `rapport.stream.resync.v1` event: reload the inbox "
                    + "(GET /notifications), then carry on. Without Last-Event-ID, the stream starts from now. The token goes in the "
                    + "Authorization header, never in the URL.")
    @APIResponse(responseCode = "200", description = "The stream, open until the client or the service closes it",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "created, then resolved", summary = "A keep-alive, a notification raised, then resolved",
                            value = EXAMPLE)))
    public void stream(
            @Parameter(name = LAST_EVENT_ID, in = ParameterIn.HEADER, description = "The id of the last event received: "
                    + "the stream resumes after it", example = "42",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,18}$"))
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response) {
        Long lastSeen = positionOf(lastEventId);
        var ownerId = owner.id();
        // Neither caches nor proxies may keep or hold back the stream (nginx buffers unless told).
        response.putHeader("Cache-Control", "no-store");
        response.putHeader("X-Accel-Buffering", "no");
        hub.subscribe(ownerId, lastSeen, sink, sse);
    }

    private static Long positionOf(String lastEventId) {
        if (lastEventId == null) {
            return null;
        }
        if (!POSITION.matcher(lastEventId).matches()) {
            throw ProblemException.invalid(LAST_EVENT_ID, "must be the id of an event of this stream, a whole number such as 42");
        }
        return Long.parseLong(lastEventId);
    }
}
