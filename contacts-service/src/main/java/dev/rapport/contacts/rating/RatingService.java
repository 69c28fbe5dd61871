package dev.rapport.contacts.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.rapport.contacts.contact.Contact;
import dev.rapport.contacts.contact.ContactRepository;
import dev.rapport.contacts.events.ContactRated;
import dev.rapport.platform.http.Cursor;
import dev.rapport.platform.http.Page;
import dev.rapport.platform.http.PageRequest;
import dev.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Know, like and trust: records a rating in the contact's history, makes it the contact's
 * latest and publishes rapport.contact.rated.v1, in one transaction.
 */
@ApplicationScoped
public class RatingService {

    private final ContactRepository contacts;
    private final RatingRepository ratings;
    private final Outbox outbox;
    private final Clock clock;

    RatingService(ContactRepository contacts, RatingRepository ratings, Outbox outbox, Clock clock) {
        this.contacts = contacts;
        this.ratings = ratings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public RatingResponse rate(UUID ownerId, UUID contactId, RatingRequest request) {
        // Locked so that two ratings at once leave the contact with the one recorded last.
        Contact contact = contacts.requireOwnedForUpdate(ownerId, contactId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Rating rating = new Rating();
        rating.id = UUID.randomUUID();
        rating.ownerId = ownerId;
        rating.contactId = contactId;
        rating.know = request.know().shortValue();
        rating.like = request.like().shortValue();
        rating.trust = request.trust().shortValue();
        rating.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        rating.ratedAt = now;
        ratings.persist(rating);
        contact.knowRating = rating.know;
        contact.likeRating = rating.like;
        contact.trustRating = rating.trust;
        contact.ratedAt = now;
        contact.updatedAt = now;
        contacts.flush();
        outbox.publish(ownerId, new ContactRated(contactId, rating.know, rating.like, rating.trust, now));
        return RatingResponse.of(rating);
    }

    @Transactional
    public Page<RatingResponse> history(UUID ownerId, UUID contactId, PageRequest page) {
        contacts.requireOwned(ownerId, contactId);
        return Page.of(ratings.page(ownerId, contactId, page), page, r -> new Cursor(r.ratedAt, r.id), RatingResponse::of);
    }
}
