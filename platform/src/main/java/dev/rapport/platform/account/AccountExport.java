package dev.rapport.platform.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything one service keeps of an account: each table's rows as they are stored. */
@Schema(name = "AccountExport", description = "Everything this service keeps of an account (the right of access): "
        + "every table's rows of the account, as stored, by table name.")
public record AccountExport(
        @Schema(description = "The service that answered", examples = "contacts-service") String service,
        @Schema(description = "The account: the user's id (the token's subject)") UUID ownerId,
        @Schema(description = "When the export was read") Instant exportedAt,
        @Schema(description = "When the account was last erased on this service; absent if never")
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant erasedAt,
        @Schema(description = "Each table's rows of the account, as JSON objects, by table name")
        Map<String, List<Map<String, Object>>> tables) {
}
