package dev.rapport.referrals.summary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.rapport.platform.http.ProblemException;
import dev.rapport.platform.http.QueryParams;
import dev.rapport.platform.security.CurrentOwner;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/referrals/summary")
@Authenticated
@Tag(name = "Summaries", description = "The caller's referral totals per period")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    private final SummaryService summaries;
    private final CurrentOwner owner;

    SummaryResource(SummaryService summaries, CurrentOwner owner) {
        this.summaries = summaries;
        this.owner = owner;
    }

    @GET
    @Operation(operationId = "getPeriodSummary", summary = "Summarize a period",
            description = "Referrals given and received that occurred in the period, value won in it per currency each way "
                    + "(referrals won in the period and still WON), partners whose first referral fell in it, and the five "
                    + "partners with the most referrals in it. The period is the WEEK (Monday to Sunday), MONTH, QUARTER or "
                    + "YEAR holding ?date= (default: today), or CUSTOM from ?from= to ?to= (both included, under 3660 days), "
                    + "with days counted in ?zone= (an IANA time zone, default UTC). Live: computed at each request.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = PeriodSummaryResponse.class)))
    public PeriodSummaryResponse get(
            @Parameter(description = "The period", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "WEEK", "MONTH", "QUARTER", "YEAR", "CUSTOM" }, defaultValue = "MONTH"))
            @QueryParam("period") String period,
            @Parameter(description = "A day in the period (not with CUSTOM)", example = "2026-11-20",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("date") String date,
            @Parameter(description = "CUSTOM: the first day", example = "2026-09-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "CUSTOM: the last day, included", example = "2026-11-30",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "The caller's IANA time zone", example = "Europe/Berlin",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @QueryParam("zone") String zone) {
        Period chosen = QueryParams.enumOf("period", period, Period.class);
        if (chosen != Period.CUSTOM && date != null && (from != null || to != null)) {
            throw ProblemException.invalid("date", "is not used with from and to");
        }
        if (chosen == Period.CUSTOM && date != null) {
            throw ProblemException.invalid("date", "is not used with period CUSTOM (use from and to)");
        }
        return summaries.summarize(owner.id(), new SummaryService.Query(chosen == null ? Period.MONTH : chosen,
                day("date", date), day("from", from), day("to", to), zone));
    }

    private static LocalDate day(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw ProblemException.invalid(name, "must be a date in the years 0001-9999");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date (YYYY-MM-DD)");
        }
    }
}
