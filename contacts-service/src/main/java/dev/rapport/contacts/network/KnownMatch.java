package dev.rapport.contacts.network;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.contacts.stage.RelationshipStage;

/** A matching contact that a KNOWS hit knows. */
@Schema(name = "KnownMatch")
public record KnownMatch(
        @Schema(examples = "3e5d7f9a-1b2c-4d6e-8f0a-9b8c7d6e5f4a") UUID contactId,
        @Schema(examples = "Dr Ana Lima") String name,
        RelationshipStage stage) {
}
