package dev.rapport.platform.admin;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.account.AccountExport;
import dev.rapport.platform.account.Accounts;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.http.Problem;
import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.outbox.OutboxStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Every service's operations for an administrator (the realm role {@value #ROLE}): its dead
 * letters, outbox, consumer lag, and an account's data. The path names the service, so that the
 * edge routes it: {@code /admin/contacts-service/...}.
 */
@Path("/admin/{service}")
@RolesAllowed(ServiceAdminResource.ROLE)
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceAdminResource {

    public static final String ROLE = "admin";

    private final String serviceName;
    private final DeadLetters deadLetters;
    private final ConsumerLags consumers;
    private final Outbox outbox;
    private final Accounts accounts;
    private final Clock clock;

    ServiceAdminResource(@ConfigProperty(name = "quarkus.application.name") String serviceName, DeadLetters deadLetters,
            ConsumerLags consumers, Outbox outbox, Accounts accounts, Clock clock) {
        this.serviceName = serviceName;
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.outbox = outbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GET
    @Path("/dead-letters")
    @Operation(operationId = "listDeadLetters", summary = "List this service's dead letters",
            description = "The records this service's consumers could not apply, from its dead-letter topic: oldest first in each "
                    + "partition, partitions in order, each with why it failed and whether the service has applied the event since. "
                    + "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page. 503 kafka-unavailable "
                    + "when Kafka does not answer within 10 s.")
    @APIResponse(responseCode = "200", description = "One page of dead letters", content = @Content(
            examples = @ExampleObject(name = "one", value = """
                    {"items": [{"id": "0-12", "topic": "rapport.dlq.notifications-service", "deadLetteredAt": "2026-12-02T09:14:03.120Z",
                      "eventId": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "eventType": "rapport.referral.given.v1",
                      "subject": "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d", "ownerId": "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091",
                      "source": {"topic": "rapport.referrals.v1", "partition": 1, "offset": 3471},
                      "reason": "Event 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f of type rapport.referral.given.v1 does not fit ReferralRecorded",
                      "exceptionClass": "dev.rapport.platform.inbox.MalformedEventException"}]}""")))
    public Page<DeadLetter> listDeadLetters(@PathParam("service") String service,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor) {
        thisService(service);
        return deadLetters.list(PageRequest.of(limit, null).limit(), cursor);
    }

    @GET
    @Path("/dead-letters/{id}")
    @Operation(operationId = "getDeadLetter", summary = "Get a dead letter, with its headers and body",
            description = "One dead letter by its id (partition-offset in the dead-letter topic), with every header, its key and its body.")
    @APIResponse(responseCode = "200", description = "The dead letter", content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    public DeadLetter getDeadLetter(@PathParam("service") String service,
            @Parameter(description = "partition-offset in the dead-letter topic", example = "0-12") @PathParam("id") String id) {
        thisService(service);
        return deadLetters.get(id);
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter",
            description = "Publishes the dead letter again to the topic and partition it was read from, with its key and CloudEvents "
                    + "headers and without the dead-letter ones. Every consumer group of that topic receives it again; those that "
                    + "applied it skip it by its ce_id (for as long as they remember it, 30 days by default), the one that failed "
                    + "applies it: its appliedAt shows when. The dead letter stays in the dead-letter topic until retention removes "
                    + "it. 409 not-replayable when the record does not name a topic this service reads.")
    @APIResponse(responseCode = "200", description = "Where it was published", content = @Content(
            schema = @Schema(implementation = ReplayResponse.class),
            examples = @ExampleObject(name = "replayed", value = """
                    {"deadLetterId": "0-12", "eventId": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
                     "publishedTo": {"topic": "rapport.referrals.v1", "partition": 1, "offset": 9120}}""")))
    @APIResponse(responseCode = "409", description = "Not replayable (not-replayable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ReplayResponse replayDeadLetter(@PathParam("service") String service,
            @Parameter(description = "partition-offset in the dead-letter topic", example = "0-12") @PathParam("id") String id) {
        thisService(service);
        return deadLetters.replay(id);
    }

    @GET
    @Path("/outbox")
    @Operation(operationId = "getOutboxStatus", summary = "Get the outbox's backlog and this instance's relay",
            description = "How many committed events wait to be published and since when, and what this instance's relay is doing "
                    + "(one instance relays at a time; the others are on STANDBY).")
    @APIResponse(responseCode = "200", description = "The outbox", content = @Content(
            schema = @Schema(implementation = OutboxStatus.class),
            examples = @ExampleObject(name = "caught up", value = """
                    {"pending": 0, "lagSeconds": 0, "relay": {"state": "RELAYING", "lastRoundAt": "2026-12-02T09:20:01.004Z",
                     "lastPublishedAt": "2026-12-02T09:19:58.311Z", "publishedSinceStart": 1840}}""")))
    public OutboxStatus outbox(@PathParam("service") String service) {
        thisService(service);
        return outbox.status();
    }

    @GET
    @Path("/consumers")
    @Operation(operationId = "listConsumerLag", summary = "List this service's consumers and their lag",
            description = "For each Kafka channel the service reads: its topic, consumer group, and per partition the committed "
                    + "offset, the end offset and the lag between them. 503 kafka-unavailable when Kafka does not answer within 10 s.")
    @APIResponse(responseCode = "200", description = "The consumers", content = @Content(
            examples = @ExampleObject(name = "one behind", value = """
                    [{"channel": "contacts", "topic": "rapport.contacts.v1", "groupId": "notifications-service", "lag": 1,
                      "partitions": [{"partition": 0, "committedOffset": 5120, "endOffset": 5121, "lag": 1},
                                     {"partition": 1, "committedOffset": 4870, "endOffset": 4870, "lag": 0},
                                     {"partition": 2, "committedOffset": 5002, "endOffset": 5002, "lag": 0}]}]""")))
    public List<ConsumerLag> consumers(@PathParam("service") String service) {
        thisService(service);
        return consumers.all();
    }

    @GET
    @Path("/accounts/{ownerId}")
    @Operation(operationId = "exportAccount", summary = "Export everything this service keeps of an account",
            description = "The right of access: every row this service stores of the account (the user's id, their token's subject), "
                    + "by table, as stored, and when the account was last erased here. Each service answers for its own data: "
                    + "ask each of them for the whole account.")
    @APIResponse(responseCode = "200", description = "The account's data on this service", content = @Content(
            schema = @Schema(implementation = AccountExport.class),
            examples = @ExampleObject(name = "contacts", value = """
                    {"service": "contacts-service", "ownerId": "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091",
                     "exportedAt": "2026-12-02T09:30:00Z",
                     "tables": {"contact": [{"id": "3c9d2e7f-1a4b-4c8d-8e2f-7b6a5d4c3b2a", "name": "Dana Whitfield", "stage": "PARTNER"}],
                                "reservation": [], "outbox_event": [], "idempotency_key": []}}""")))
    public AccountExport exportAccount(@PathParam("service") String service,
            @Parameter(description = "The account: the user's id, their token's subject",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("ownerId") String ownerId) {
        thisService(service);
        UUID owner = QueryParams.uuid("ownerId", ownerId);
        return new AccountExport(serviceName, owner, clock.instant(), accounts.erasedAt(owner).orElse(null), accounts.export(owner));
    }

    private void thisService(String service) {
        if (!serviceName.equals(service)) {
            throw new ProblemException("not-found", "Not found", 404, "This is " + serviceName + ", not " + service);
        }
    }
}
