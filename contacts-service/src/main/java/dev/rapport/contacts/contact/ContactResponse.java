package dev.rapport.contacts.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.contacts.stage.RelationshipStage;
import dev.rapport.platform.time.IsoDurations;

/** A contact as the API answers it. */
@Schema(name = "Contact")
public record ContactResponse(
        UUID id,
        String name,
        String company,
        String role,
        String email,
        String phone,
        String business,
        String targetMarket,
        String idealClient,
        List<String> tags,
        String notes,
        ContactSource source,
        @Schema(description = "The owner's contact who introduced or referred this one") UUID introducedBy,
        @Schema(description = "The networking event where the owner met them: its id in meetings-service") UUID metAtEventId,
        @Schema(description = "The networking event's name", examples = "Chamber of Commerce breakfast") String metAtEventName,
        @Schema(description = "Where the relationship stands; PROSPECT when added, changed with POST /contacts/{id}/stage")
        RelationshipStage stage,
        @Schema(description = "The latest know/like/trust rating; absent until the first (POST /contacts/{id}/ratings)")
        KnowLikeTrust knowLikeTrust,
        @Schema(description = "How often to be in touch; absent: the owner's default cadence", examples = "P14D")
        String stayInTouchEvery,
        Instant createdAt,
        Instant updatedAt) {

    public static ContactResponse of(Contact contact) {
        return new ContactResponse(contact.id, contact.name, contact.company, contact.role, contact.email,
                contact.phone, contact.business, contact.targetMarket, contact.idealClient, List.copyOf(contact.tags),
                contact.notes, contact.source, contact.introducedBy, contact.metAtEventId, contact.metAtEventName, contact.stage, KnowLikeTrust.of(contact), stayInTouchEvery(contact),
                contact.createdAt, contact.updatedAt);
    }

    /** The contact's cadence as the API and the events write it; null for the owner's default. */
    public static String stayInTouchEvery(Contact contact) {
        return contact.stayInTouchSeconds == null ? null : IsoDurations.format(Duration.ofSeconds(contact.stayInTouchSeconds));
    }

    /** The editable part, the base a merge patch applies to. */
    ContactRequest toRequest() {
        return new ContactRequest(name, company, role, email, phone, business, targetMarket, idealClient, tags, notes, source,
                introducedBy, metAtEventId, metAtEventName, stayInTouchEvery);
    }
}
