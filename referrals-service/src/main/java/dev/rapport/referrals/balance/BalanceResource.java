package dev.rapport.referrals.balance;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/partners")
@Authenticated
@Tag(name = "Balances", description = "Reciprocity with each partner: referrals given and received")
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {

    private final BalanceService balances;
    private final CurrentOwner owner;

    BalanceResource(BalanceService balances, CurrentOwner owner) {
        this.balances = balances;
        this.owner = owner;
    }

    @GET
    @Path("/{partnerId}/balance")
    @Operation(operationId = "getPartnerBalance", summary = "Get the balance with a partner",
            description = "Referrals given to and received from one of the caller's contacts, their difference, those "
                    + "still under way, value won each way per currency, the dates of the last of each and the days since, "
                    + "and the reciprocity ratio. A contact without referrals has a zero balance.")
    @APIResponse(responseCode = "200", description = "The balance with the partner",
            content = @Content(schema = @Schema(implementation = PartnerBalanceResponse.class)))
    public PartnerBalanceResponse get(@PathParam("partnerId") UUID partnerId) {
        return balances.ofPartner(owner.id(), partnerId);
    }

    @GET
    @Path("/balances")
    @Operation(operationId = "listPartnerBalances", summary = "List the balances with every partner",
            description = "One balance per contact the caller has referrals with. ?sort=RECENT (default) puts the partner with "
                    + "the latest referral first; BALANCE_DESC the largest given - received first (the caller gives without "
                    + "return), BALANCE_ASC the smallest first (the caller takes without giving back). "
                    + "Pages with ?limit= (1-200, default 50) and the opaque nextCursor of the previous page, with the same sort.")
    @APIResponse(responseCode = "200", description = "One page of balances")
    public Page<PartnerBalanceResponse> list(
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = "The order", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "RECENT", "BALANCE_DESC", "BALANCE_ASC" }, defaultValue = "RECENT"))
            @QueryParam("sort") String sort) {
        BalanceSort order = QueryParams.enumOf("sort", sort, BalanceSort.class);
        return balances.list(owner.id(), limit, cursor, order == null ? BalanceSort.RECENT : order);
    }
}
