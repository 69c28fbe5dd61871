package dev.rapport.notifications.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.rapport.notifications.activity.Stage;
import dev.rapport.platform.time.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

/** Reads the contacts the contact rules decide about, any number of them in one query. */
@ApplicationScoped
public class ContactActivities {

    /**
     * A contact as the rules see it.
     *
     * @param lastInteractionAt the last meeting, touchpoint or referral; null: none since it was added
     * @param ownCadence        its own stay-in-touch cadence; null: the owner's settings decide
     */
    public record ContactActivity(UUID id, UUID ownerId, String name, Instant addedAt, Instant lastInteractionAt, boolean deleted,
            Duration ownCadence, Stage stage) {

        /** Since when nothing has happened with the contact. */
        public Instant quietSince() {
            return lastInteractionAt == null ? addedAt : lastInteractionAt;
        }
    }

    private final EntityManager entityManager;

    ContactActivities(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Each contact's verdict; {@link Verdict#NOTHING} for a contact this service does not know (of that owner). */
    public Map<OwnedSubject, Verdict> decide(List<OwnedSubject> contacts, Function<ContactActivity, Verdict> rule) {
        Map<OwnedSubject, Verdict> verdicts = new HashMap<>();
        contacts.forEach(contact -> verdicts.put(contact, Verdict.NOTHING));
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                select contact_id, owner_id, name, added_at, last_interaction_at, deleted, stay_in_touch_seconds, stage
                from contact_activity where contact_id = any(?1)""", Tuple.class)
                .setParameter(1, contacts.stream().map(OwnedSubject::subjectId).toArray(UUID[]::new)).getResultList();
        for (Tuple row : rows) {
            OwnedSubject subject = new OwnedSubject(row.get("owner_id", UUID.class), row.get("contact_id", UUID.class));
            if (verdicts.containsKey(subject)) { // and so the owner's own contact
                Number cadence = row.get("stay_in_touch_seconds", Number.class);
                verdicts.put(subject, rule.apply(new ContactActivity(subject.subjectId(), subject.ownerId(), row.get("name", String.class),
                        SqlTimes.instant(row.get("added_at")), SqlTimes.instant(row.get("last_interaction_at")),
                        row.get("deleted", Boolean.class), cadence == null ? null : Duration.ofSeconds(cadence.longValue()),
                        Stage.valueOf(row.get("stage", String.class)))));
            }
        }
        return verdicts;
    }
}
