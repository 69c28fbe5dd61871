package dev.rapport.contacts.network;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom a contact reaches through connections, within a depth. */
@Schema(name = "Reach", description = "The contacts reachable from one through connections, nearest first")
public record Reach(
        @Schema(description = "The contact reached from", examples = "0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11") UUID contactId,
        @Schema(description = "The most connections followed", minimum = "1", maximum = "4", examples = "2") int depth,
        @Schema(description = "How many contacts are within reach, all of them, not only those listed", examples = "82") int total,
        @Schema(description = "How many contacts are at distance 1, 2, ... up to depth", examples = "[8, 74]")
        List<Integer> reachedByDistance,
        @Schema(description = "The first of them, nearest first, then most trusted (unrated last), then by name; "
                + "at most ?limit= of them")
        List<ReachedContact> items) {
}
