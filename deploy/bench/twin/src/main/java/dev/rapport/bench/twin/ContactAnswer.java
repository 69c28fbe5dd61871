package dev.rapport.bench.twin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The same members as contacts-service's ContactResponse, without what only its OpenAPI needs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactAnswer(UUID id, String name, String company, String role, String email, String phone, String business,
        String targetMarket, String idealClient, List<String> tags, String notes, String source, UUID introducedBy,
        UUID metAtEventId, String metAtEventName, String stage, KnowLikeTrust knowLikeTrust, String stayInTouchEvery,
        Instant createdAt, Instant updatedAt) {

    public record KnowLikeTrust(int know, int like, int trust, Instant ratedAt) {
    }

    static ContactAnswer of(Contact c) {
        KnowLikeTrust rating = c.ratedAt == null ? null : new KnowLikeTrust(c.knowRating, c.likeRating, c.trustRating, c.ratedAt);
        String every = c.stayInTouchSeconds == null ? null : Duration.ofSeconds(c.stayInTouchSeconds).toString();
        return new ContactAnswer(c.id, c.name, c.company, c.role, c.email, c.phone, c.business, c.targetMarket, c.idealClient,
                List.copyOf(c.tags), c.notes, c.source, c.introducedBy, c.metAtEventId, c.metAtEventName, c.stage, rating, every,
                c.createdAt, c.updatedAt);
    }
}
