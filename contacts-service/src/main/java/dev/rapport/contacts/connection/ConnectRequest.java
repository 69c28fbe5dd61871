package dev.rapport.contacts.connection;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Another of the owner's contacts this one knows, and how. */
@Schema(name = "ConnectRequest", description = "The contact this one knows, and a short note on how")
public record ConnectRequest(
        @NotNull @Schema(description = "Another of the caller's contacts", examples = "7c1e4b2a-9d3f-4e8a-b6c5-2f1a0e9d8c7b")
        UUID contactId,
        @Size(max = ConnectionService.NOTE_MAX) @Schema(description = "How they know each other; optional",
                examples = "Played golf together for years", maxLength = ConnectionService.NOTE_MAX)
        String note) {
}
