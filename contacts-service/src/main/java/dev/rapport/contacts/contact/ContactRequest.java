package dev.rapport.contacts.contact;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.IsoDurations;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact's profile as a client sends it, to create ({@code POST}) or replace ({@code PUT}) it. */
@Schema(name = "ContactRequest", description = "A contact's profile")
public record ContactRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Sam Carter", maxLength = 200) String name,
        @Size(max = 200) @Schema(examples = "Carter & Co Accountants", maxLength = 200) String company,
        @Size(max = 200) @Schema(examples = "Founder", maxLength = 200) String role,
        @Email @Size(max = 320) @Schema(examples = "sam@carter.example", maxLength = 320) String email,
        @Size(max = 50) @Pattern(regexp = "^[0-9+()\\-. ]*$", message = "may contain only digits, spaces and + ( ) - .")
        @Schema(examples = "+44 20 7946 0000", maxLength = 50) String phone,
        @Size(max = 2000) @Schema(description = "What their business does", examples = "Bookkeeping and tax returns for small firms", maxLength = 2000) String business,
        @Size(max = 1000) @Schema(examples = "Owner-managed firms with 5 to 50 staff", maxLength = 1000) String targetMarket,
        @Size(max = 1000) @Schema(examples = "A growing design studio that has outgrown spreadsheets", maxLength = 1000) String idealClient,
        @Size(max = 50) @Schema(maxItems = 50, examples = "[\"accountant\", \"bni\"]")
        List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 10000) @Schema(maxLength = 10000) String notes,
        @Schema(description = "Where the contact came from. When omitted: INTRODUCED if introducedBy is given, "
                + "MET_AT_EVENT if metAtEventId or metAtEventName is, else OTHER") ContactSource source,
        @Schema(description = "The owner's contact who introduced (source INTRODUCED) or referred (REFERRED) this one; "
                + "GET /contacts/{id}/provenance follows these links back to someone the owner met")
        UUID introducedBy,
        @Schema(description = "The networking event where the owner met them (source MET_AT_EVENT): its id in meetings-service")
        UUID metAtEventId,
        @Size(max = 200) @Schema(description = "The networking event's name (source MET_AT_EVENT)", maxLength = 200,
                examples = "Chamber of Commerce breakfast") String metAtEventName,
        @Pattern(regexp = IsoDurations.PATTERN, message = IsoDurations.MESSAGE)
        @Schema(description = "How often to be in touch with this contact, an ISO-8601 duration from PT1S to P3650D; "
                + "notifications-service flags the relationship as stalled after this long without a meeting or "
                + "touchpoint. Omitted: the owner's default cadence (GET /settings/rules)", examples = "P14D")
        String stayInTouchEvery) {
}
