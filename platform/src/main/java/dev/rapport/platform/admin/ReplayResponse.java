package dev.rapport.platform.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a replayed dead letter was published again. */
@Schema(name = "Replay", description = "A dead letter published again to the topic and partition it came from")
public record ReplayResponse(
        @Schema(description = "The dead letter replayed", examples = "0-12") String deadLetterId,
        @Schema(description = "The event's ce_id") String eventId,
        @Schema(description = "Where it was published: its source topic and partition, at a new offset") DeadLetter.Position publishedTo) {
}
