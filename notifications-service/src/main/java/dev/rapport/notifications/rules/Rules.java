package dev.rapport.notifications.rules;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;

import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Notifications.Decision;
import dev.rapport.notifications.notification.Notifications.Grouping;
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

    /** How many subjects a rule reads at once. */
    private static final int EVALUATION_CHUNK = 1_000;
    /** The most subjects of one owner and rule one sweep transaction takes (a flood beyond it is told in several summaries). */
    private static final int MAX_GROUP = 50_000;
    private static final int SWEEP_TRANSACTION_SECONDS = 600;

    private final Map<RuleName, Rule<?>> byName = new HashMap<>();
    private final EntityManager entityManager;
    private final RuleSettingsRepository settings;
    private final Notifications notifications;
    private final RulesConfig config;
    private final Clock clock;

    Rules(@All List<Rule<?>> rules, EntityManager entityManager, RuleSettingsRepository settings, Notifications notifications,
            RulesConfig config, Clock clock) {
        this.config = config;
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
                review(ownerId, rule, List.of(subjectId), settings.of(ownerId, rule), now, Grouping.NONE);
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
        int claimed;
        do {
            ClaimedBatch batch = QuarkusTransaction.requiringNew().timeout(SWEEP_TRANSACTION_SECONDS).call(this::sweepBatch);
            claimed = batch.claimed();
            total += batch.reviewed();
        } while (claimed == config.sweepBatch());
        return total;
    }

    record Due(UUID ownerId, String rule, UUID subjectId) {
    }

    record OwnerRule(UUID ownerId, String rule) {
    }

    /** {@code claimed}: rows taken in due order (a full batch means more may be due); {@code reviewed}: with a flood's rest. */
    record ClaimedBatch(int claimed, int reviewed) {
    }

    /**
     * Claims the earliest due rows and reviews them per (owner, rule), each group in a few
     * set-based statements. A group as large as the flood limit may be the start of a flood (a
     * settings change makes all of an owner's subjects due at once): the rest of that owner's
     * due subjects of the rule are claimed too, so that the owner is told once, in one summary.
     */
    private ClaimedBatch sweepBatch() {
        Instant now = clock.instant();
        List<Due> claimed = claimDue(now);
        Map<OwnerRule, Set<UUID>> groups = new LinkedHashMap<>();
        claimed.forEach(due -> groups.computeIfAbsent(new OwnerRule(due.ownerId(), due.rule()), key -> new LinkedHashSet<>()).add(due.subjectId()));
        int reviewed = 0;
        for (Map.Entry<OwnerRule, Set<UUID>> group : groups.entrySet()) {
            UUID ownerId = group.getKey().ownerId();
            Set<UUID> subjects = group.getValue();
            Rule<?> rule = RuleName.of(group.getKey().rule()).map(byName::get).orElse(null);
            if (rule == null) {
                Log.warnf("No rule %s any more: %d subject(s) of it are not reviewed again", group.getKey().rule(), subjects.size());
                Map<UUID, Instant> never = new HashMap<>();
                subjects.forEach(subject -> never.put(subject, null));
                schedule(ownerId, group.getKey().rule(), never);
                continue;
            }
            if (subjects.size() >= config.floodLimit()) {
                subjects.addAll(claimDue(ownerId, rule.name(), now));
            }
            review(ownerId, rule, List.copyOf(subjects), settings.of(ownerId, rule), now, new Grouping(config.floodLimit(), rule::summarize));
            reviewed += subjects.size();
        }
        return new ClaimedBatch(claimed.size(), reviewed);
    }

    @SuppressWarnings("unchecked")
    private List<Due> claimDue(Instant now) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select owner_id, rule, subject_id from rule_subject where due_at <= ?1
                order by due_at limit ?2 for update skip locked""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, config.sweepBatch()).getResultList();
        return rows.stream().map(row -> new Due((UUID) row[0], (String) row[1], (UUID) row[2])).toList();
    }

    /** The owner's due subjects of one rule, up to {@link #MAX_GROUP}. */
    @SuppressWarnings("unchecked")
    private List<UUID> claimDue(UUID ownerId, RuleName rule, Instant now) {
        return entityManager.createNativeQuery("""
                select subject_id from rule_subject where owner_id = ?1 and rule = ?2 and due_at <= ?3
                order by due_at limit ?4 for update skip locked""", UUID.class)
                .setParameter(1, ownerId).setParameter(2, rule.id()).setParameter(3, Timestamp.from(now)).setParameter(4, MAX_GROUP)
                .getResultList();
    }

    /** Takes the subject's row (making it if new), so a sweep skips it while an event reviews it. */
    private void lock(UUID ownerId, RuleName rule, UUID subjectId) {
        entityManager.createNativeQuery("""
                insert into rule_subject (owner_id, rule, subject_id) values (?1, ?2, ?3)
                on conflict (owner_id, rule, subject_id) do update set due_at = rule_subject.due_at""")
                .setParameter(1, ownerId).setParameter(2, rule.id()).setParameter(3, subjectId)
                .executeUpdate();
    }

    /** The rule decides about the subjects (read in chunks), then their notifications and next due times change set-based. */
    @SuppressWarnings("unchecked")
    private <S extends Rule.Settings> void review(UUID ownerId, Rule<S> rule, List<UUID> subjectIds, Rule.Settings current, Instant now,
            Grouping grouping) {
        S typed = (S) current;
        List<Decision> decisions = new ArrayList<>(subjectIds.size());
        Map<UUID, Instant> next = new HashMap<>();
        for (int from = 0; from < subjectIds.size(); from += EVALUATION_CHUNK) {
            List<UUID> chunk = subjectIds.subList(from, Math.min(subjectIds.size(), from + EVALUATION_CHUNK));
            Map<UUID, Verdict> verdicts = typed.enabled() ? rule.evaluateAll(ownerId, chunk, typed, now) : Map.of();
            for (UUID subjectId : chunk) {
                Verdict verdict = verdicts.getOrDefault(subjectId, Verdict.NOTHING);
                decisions.add(verdict.threshold() == null ? Decision.nothingHolds(subjectId)
                        : new Decision(subjectId, verdict.threshold(), verdict.content()));
                next.put(subjectId, nextDue(rule, subjectId, verdict, now));
            }
        }
        notifications.decide(ownerId, rule.name().id(), decisions, grouping);
        schedule(ownerId, rule.name().id(), next);
    }

    private static Instant nextDue(Rule<?> rule, UUID subjectId, Verdict verdict, Instant now) {
        Instant next = verdict.nextDueAt();
        if (next != null && !next.isAfter(now)) {
            // A rule must look forward; reviewing again at once would sweep the same row forever.
            Log.warnf("Rule %s scheduled subject %s in the past (%s); not reviewed again until an event", rule.name().id(), subjectId, next);
            return null;
        }
        return next;
    }

    /** Sets when each subject is next due (null: only an event or a settings change reviews it again), in one statement. */
    private void schedule(UUID ownerId, String rule, Map<UUID, Instant> dueAt) {
        List<UUID> subjects = new ArrayList<>(dueAt.keySet());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update rule_subject r set due_at = v.due_at
                    from unnest(?, cast(? as timestamptz[])) as v(subject_id, due_at)
                    where r.owner_id = ? and r.rule = ? and r.subject_id = v.subject_id""")) {
                update.setArray(1, connection.createArrayOf("uuid", subjects.toArray()));
                update.setArray(2, connection.createArrayOf("text",
                        subjects.stream().map(subject -> dueAt.get(subject) == null ? null : dueAt.get(subject).toString()).toArray()));
                update.setObject(3, ownerId);
                update.setString(4, rule);
                update.executeUpdate();
            }
        });
    }
}
