package dev.rapport.notifications.rules;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.settings.RuleSettingsRepository;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Runs every {@link Rule} the same way. Each (owner, rule, subject) has a row in
 * {@code rule_subject} carrying when it is next due; an arriving event reviews the subjects it
 * touched at once, and the sweep reads only due rows, through a partial index, so its cost
 * grows with what is due rather than with all subjects. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances sweep at once without reviewing a
 * subject twice, and a unique index allows one open notification per rule, subject and threshold.
 */
@ApplicationScoped
public class Rules {

    private static final int SWEEP_BATCH = 200;

    private final Map<RuleName, Rule<?>> byName = new HashMap<>();
    private final EntityManager entityManager;
    private final RuleSettingsRepository settings;
    private final Notifications notifications;
    private final Clock clock;

    Rules(@All List<Rule<?>> rules, EntityManager entityManager, RuleSettingsRepository settings, Notifications notifications,
            Clock clock) {
        rules.forEach(rule -> byName.put(rule.name(), rule));
        this.entityManager = entityManager;
        this.settings = settings;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Rule<?> rule(RuleName name) {
        return byName.get(name);
    }

    public List<Rule<?>> all() {
        return List.copyOf(byName.values());
    }

    /** After an event about a subject: every rule watching its kind decides about it now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(UUID ownerId, SubjectKind kind, UUID subjectId) {
        Instant now = clock.instant();
        for (Rule<?> rule : byName.values()) {
            if (rule.watches() == kind) {
                lock(ownerId, rule.name(), subjectId);
                apply(ownerId, rule, subjectId, settings.of(ownerId, rule), now);
            }
        }
    }

    /**
     * After an owner's settings of a rule changed: every one of their subjects of that rule is
     * due now, and the sweep reviews them in batches rather than all inside the settings request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewOwner(UUID ownerId, RuleName rule) {
        entityManager.createNativeQuery("update rule_subject set due_at = ?3 where owner_id = ?1 and rule = ?2")
                .setParameter(1, ownerId).setParameter(2, rule.id()).setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** {@link #reviewOwner(UUID, RuleName)} for every rule. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewOwner(UUID ownerId) {
        byName.keySet().forEach(rule -> reviewOwner(ownerId, rule));
    }

    @Scheduled(every = "${rapport.rules.sweep-interval}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        int reviewed = sweep();
        if (reviewed > 0) {
            Log.debugf("Rules sweep reviewed %d subject(s)", reviewed);
        }
    }

    /**
     * Reviews every subject that has come due, in batches of rows locked with SKIP LOCKED, so
     * that several instances can sweep at once without reviewing anything twice.
     *
     * @return how many subjects were reviewed
     */
    public int sweep() {
        int total = 0;
        int reviewed;
        do {
            reviewed = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            total += reviewed;
        } while (reviewed == SWEEP_BATCH);
        return total;
    }

    record Due(UUID ownerId, String rule, UUID subjectId) {
    }

    record OwnerRule(UUID ownerId, RuleName rule) {
    }

    @SuppressWarnings("unchecked")
    private int sweepBatch() {
        Instant now = clock.instant();
        List<Object[]> rows = entityManager.createNativeQuery("""
                select owner_id, rule, subject_id from rule_subject where due_at <= ?1
                order by due_at limit %d for update skip locked""".formatted(SWEEP_BATCH))
                .setParameter(1, Timestamp.from(now)).getResultList();
        Map<OwnerRule, Rule.Settings> settingsSeen = new HashMap<>();
        for (Object[] row : rows) {
            Due due = new Due((UUID) row[0], (String) row[1], (UUID) row[2]);
            Rule<?> rule = RuleName.of(due.rule()).map(byName::get).orElse(null);
            if (rule == null) {
                Log.warnf("No rule %s any more: subject %s is not reviewed again", due.rule(), due.subjectId());
                schedule(due.ownerId(), due.rule(), due.subjectId(), null);
                continue;
            }
            Rule.Settings current = settingsSeen.computeIfAbsent(new OwnerRule(due.ownerId(), rule.name()),
                    key -> settings.of(key.ownerId(), rule));
            apply(due.ownerId(), rule, due.subjectId(), current, now);
        }
        return rows.size();
    }

    /** Takes the subject's row (making it if new), so a sweep skips it while an event reviews it. */
    private void lock(UUID ownerId, RuleName rule, UUID subjectId) {
        entityManager.createNativeQuery("""
                insert into rule_subject (owner_id, rule, subject_id) values (?1, ?2, ?3)
                on conflict (owner_id, rule, subject_id) do update set due_at = rule_subject.due_at""")
                .setParameter(1, ownerId).setParameter(2, rule.id()).setParameter(3, subjectId)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private <S extends Rule.Settings> void apply(UUID ownerId, Rule<S> rule, UUID subjectId, Rule.Settings current, Instant now) {
        S typed = (S) current;
        Verdict verdict = typed.enabled() ? rule.evaluate(ownerId, subjectId, typed, now) : Verdict.NOTHING;
        if (verdict.threshold() == null) {
            notifications.resolve(ownerId, rule.name().id(), subjectId);
        } else {
            notifications.open(ownerId, rule.name().id(), subjectId, verdict.threshold(), verdict.content());
        }
        Instant next = verdict.nextDueAt();
        if (next != null && !next.isAfter(now)) {
            // A rule must look forward; reviewing again at once would sweep the same row forever.
            Log.warnf("Rule %s scheduled subject %s in the past (%s); not reviewed again until an event", rule.name().id(), subjectId, next);
            next = null;
        }
        schedule(ownerId, rule.name().id(), subjectId, next);
    }

    private void schedule(UUID ownerId, String rule, UUID subjectId, Instant dueAt) {
        entityManager.createNativeQuery("update rule_subject set due_at = ?4 where owner_id = ?1 and rule = ?2 and subject_id = ?3")
                .setParameter(1, ownerId).setParameter(2, rule).setParameter(3, subjectId)
                .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.INSTANT, dueAt))
                .executeUpdate();
    }
}
