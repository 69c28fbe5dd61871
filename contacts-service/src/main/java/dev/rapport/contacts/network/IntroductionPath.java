package dev.rapport.contacts.network;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shortest chain of introductions from the owner to a contact. */
@Schema(name = "IntroductionPath", description = "Who can introduce the owner to a contact: someone the owner knows in person, "
        + "then each next person along the connections, the contact last")
public record IntroductionPath(
        @Schema(description = "The contact the path leads to", examples = "0b9c7a52-8f3e-4d59-9a53-3f6c2f1d8e11") UUID contactId,
        @Schema(description = "Whether a path of at most 4 connections exists", examples = "true") boolean found,
        @Schema(description = "The path, the contact known in person first and the target last; just the target when it is known "
                + "in person; empty when none was found")
        List<PathHop> hops) {
}
