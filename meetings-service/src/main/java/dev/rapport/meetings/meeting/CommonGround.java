package dev.rapport.meetings.meeting;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the two found they share in a one-to-one: markets, kinds of client, and anything else. */
@Schema(name = "CommonGround", description = "What the two found they share")
public record CommonGround(
        @Size(max = 20) @Schema(description = "Markets both serve", maxItems = 20, examples = "[\"commercial property\", \"hospitality\"]")
        List<@NotBlank @Size(max = 100) String> markets,
        @Size(max = 20) @Schema(description = "Kinds of client both want", maxItems = 20, examples = "[\"owner-managed firms\"]")
        List<@NotBlank @Size(max = 100) String> clientTypes,
        @Size(max = 2000) @Schema(description = "Anything else", maxLength = 2000, examples = "Both coach under-12 football") String text) {
}
