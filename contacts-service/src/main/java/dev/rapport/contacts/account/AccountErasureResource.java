package dev.rapport.contacts.account;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.admin.ServiceAdminResource;
import dev.rapport.platform.http.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/admin/accounts/{ownerId}")
@RolesAllowed(ServiceAdminResource.ROLE)
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class AccountErasureResource {

    private final AccountErasure erasure;

    AccountErasureResource(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @DELETE
    @Operation(operationId = "eraseAccount", summary = "Erase a whole account, on every service",
            description = "The right to be forgotten for a user: deletes everything contacts-service keeps of the account (the user's "
                    + "id, their token's subject) and publishes rapport.account.erased.v1, on which meetings-, referrals- and "
                    + "notifications-service delete everything they keep of it: meetings, ledger, links (the linked member keeps "
                    + "their referrals, unlinked), inbox, webhooks and their deliveries, outbox rows and stored Idempotency-Key "
                    + "answers. Each service remembers only the account's id and the erasure's time, and skips the account's "
                    + "events from before it that arrive late. GET /admin/{service}/accounts/{ownerId} shows each service's part "
                    + "empty once it is done. The user's identity is in Keycloak: delete or disable the user there too, or their "
                    + "token can start a new account. Erasing again is harmless.")
    @APIResponse(responseCode = "202", description = "Erased on contacts-service; under way on the others", content = @Content(
            schema = @Schema(implementation = AccountErasureResponse.class),
            examples = @ExampleObject(name = "erased", value = """
                    {"ownerId": "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091", "erasedAt": "2026-12-02T10:00:00Z",
                     "eventId": "5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c"}""")))
    public Response erase(@Parameter(description = "The account: the user's id, their token's subject",
            schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("ownerId") String ownerId) {
        return Response.accepted(erasure.erase(QueryParams.uuid("ownerId", ownerId))).build();
    }
}
