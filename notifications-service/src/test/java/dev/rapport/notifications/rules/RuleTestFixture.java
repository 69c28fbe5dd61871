package dev.rapport.notifications.rules;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.rapport.notifications.Feed;
import dev.rapport.notifications.MutableClock;
import dev.rapport.notifications.notification.Notification;
import dev.rapport.notifications.settings.RuleSettingsRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * What the rule tests share: the rules on a clock they move, a feed of the other services' events
 * for a fresh owner each test, the notifications the rules raise, and readers of the projections
 * the events build, so that a test can wait for its events to arrive before it sweeps.
 */
abstract class RuleTestFixture {

    /** How long a published event may take to reach the projections. */
    static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    Rules rules;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    RuleSettingsRepository settings;

    @Inject
    ObjectMapper mapper;

    final Feed feed = new Feed();
    final UUID owner = UUID.randomUUID();

    @AfterEach
    void close() {
        feed.close();
    }

    /** The owner's notifications of {@code rule}, oldest first. */
    List<Notification> notifications(String rule) {
        return notificationsOf(owner, rule);
    }

    List<Notification> notificationsOf(UUID ownerId, String rule) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list(
                "ownerId = ?1 and rule = ?2 order by createdAt", ownerId, rule));
    }

    List<Notification> open(String rule) {
        return notifications(rule).stream().filter(n -> n.status == Notification.Status.OPEN).toList();
    }

    boolean contactKnown(UUID contact) {
        return exists("select 1 from contact_activity where contact_id = ?1 and name <> ''", contact);
    }

    String stageOf(UUID contact) {
        return (String) singleValue("select max(stage) from contact_activity where contact_id = ?1", contact);
    }

    Object lastInteraction(UUID contact) {
        return singleValue("select max(last_interaction_at) from contact_activity where contact_id = ?1", contact);
    }

    /** The status of a one-to-one (an invitation included); null until its first event arrives. */
    String meetingStatus(UUID meeting) {
        return (String) singleValue("select max(status) from one_to_one where meeting_id = ?1", meeting);
    }

    /** How many of the owner's rows in {@code table} have {@code text} in {@code column}. */
    long rowsMentioning(String table, String column, String text) {
        return count("select count(*) from " + table + " where owner_id = ?1 and strpos(" + column + ", ?2) > 0", owner, text);
    }

    boolean exists(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> !nativeQuery(sql, parameters).getResultList().isEmpty());
    }

    long count(String sql, Object... parameters) {
        return ((Number) singleValue(sql, parameters)).longValue();
    }

    Object singleValue(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> nativeQuery(sql, parameters).getSingleResult());
    }

    /** {@code parameters} bound to ?1, ?2, … in order. */
    private Query nativeQuery(String sql, Object... parameters) {
        Query query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
