package dev.rapport.notifications.rules;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;

import dev.rapport.notifications.batch.Batches;
import dev.rapport.notifications.notification.Notifications;
import dev.rapport.notifications.notification.Notifications.Decision;
import dev.rapport.notifications.notification.Notifications.Grouping;
import dev.rapport.notifications.settings.RuleSettingsRepository;
import dev.rapport.platform.outbox.Outbox;
import dev.rapport.platform.tracing.TraceContext;
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

    /** In the rules' one order (see {@link #reviewQueued}). */
    private final Map<RuleName, Rule<?>> byName = new EnumMap<>(RuleName.class);
    private final EntityManager entityManager;
    private final RuleSettingsRepository settings;
    private final Notifications notifications;
    private final Outbox outbox;
    private final RulesConfig config;
    private final Clock clock;
    private final QueuedReviews queued;

    Rules(@All List<Rule<?>> rules, EntityManager entityManager, RuleSettingsRepository settings, Notifications notifications,
            Outbox outbox, RulesConfig config, Clock clock, QueuedReviews queued) {
        this.queued = queued;
        this.outbox = outbox;
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

    /**
     * After an event about a subject: every rule watching its kind is to decide about it, once
     * the other events of the transaction are applied too ({@link #reviewQueued}). A subject
     * several of them touch is reviewed once, on their outcome, and a batch of events costs a
     * few statements per rule instead of a few per event and rule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queueReview(UUID ownerId, SubjectKind kind, UUID subjectId) {
        queued.add(kind, new OwnedSubject(ownerId, subjectId), TraceContext.current());
    }

    /**
     * Reviews every subject queued in this transaction, each rule all of its subjects at once;
     * what changes about a subject is published in the trace of the last event that queued it.
     * Rules and subjects are taken in one order, so that two transactions' reviews take the rows
     * they share in the same order (a wait that remains, through the owners' outbox turns, is
     * one PostgreSQL detects, and the batch is retried).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewQueued() {
        Map<QueuedReviews.Queued, TraceContext> all = queued.takeAll();
        if (all.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<SubjectKind, List<OwnedSubject>> byKind = new EnumMap<>(SubjectKind.class);
        all.keySet().forEach(queued -> byKind.computeIfAbsent(queued.kind(), kind -> new ArrayList<>()).add(queued.subject()));
        List<Review> reviews = new ArrayList<>();
        for (Rule<?> rule : byName.values()) {
            List<OwnedSubject> subjects = byKind.get(rule.watches());
            if (subjects != null) {
                lock(rule.name(), subjects);
                reviews.add(review(rule, subjects, now, Grouping.NONE));
            }
        }
        // A contact is the subject of both contact and partner rules: its trace is looked up under the rule's kind.
        notifications.decideAll(reviews.stream().map(Review::decisions).toList(), (rule, ownerId, subjectId) -> RuleName.of(rule)
                .map(name -> all.get(new QueuedReviews.Queued(byName.get(name).watches(), new OwnedSubject(ownerId, subjectId))))
                .orElse(null));
        reviews.forEach(review -> schedule(review.decisions().rule(), review.next()));
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
        return Batches.runUntilDone(config.sweepBatch(),
                () -> QuarkusTransaction.requiringNew().timeout(SWEEP_TRANSACTION_SECONDS).call(this::sweepBatch));
    }

    record Due(UUID ownerId, String rule, UUID subjectId) {
    }

    record OwnerRule(UUID ownerId, String rule) {
    }

    /**
     * Claims the earliest due rows and reviews them rule by rule, all owners at once, in a few
     * set-based statements, publishing what changed at once. An owner with as many due subjects
     * of a rule in the batch as the flood limit may be in the middle of a flood (a settings
     * change makes all their subjects due at once): the rest of their due subjects of the rule
     * are claimed too (up to {@link #MAX_GROUP} in all), so that they are told once, in one
     * summary. Owners whose turn in the outbox another transaction holds (an event being
     * applied) are left due for a later batch: waiting for them, holding rows that transaction
     * may be waiting for, could deadlock.
     */
    private Batches.Outcome sweepBatch() {
        Instant now = clock.instant();
        List<Due> claimed = claimDue(now);
        Set<UUID> owners = outbox.tryLockOwners(claimed.stream().map(Due::ownerId).collect(Collectors.toSet()));
        Map<OwnerRule, Set<UUID>> groups = new LinkedHashMap<>();
        claimed.stream().filter(due -> owners.contains(due.ownerId()))
                .forEach(due -> groups.computeIfAbsent(new OwnerRule(due.ownerId(), due.rule()), key -> new LinkedHashSet<>()).add(due.subjectId()));
        int budget = MAX_GROUP - claimed.size();
        Map<String, List<OwnedSubject>> byRule = new LinkedHashMap<>();
        for (Map.Entry<OwnerRule, Set<UUID>> group : groups.entrySet()) {
            UUID ownerId = group.getKey().ownerId();
            Set<UUID> subjects = group.getValue();
            Optional<RuleName> name = RuleName.of(group.getKey().rule());
            if (subjects.size() >= config.floodLimit() && budget > 0 && name.isPresent()) {
                int before = subjects.size();
                subjects.addAll(claimDue(ownerId, name.get(), now, budget));
                budget -= subjects.size() - before;
            }
            List<OwnedSubject> ofRule = byRule.computeIfAbsent(group.getKey().rule(), rule -> new ArrayList<>());
            subjects.forEach(subject -> ofRule.add(new OwnedSubject(ownerId, subject)));
        }
        List<Review> reviews = new ArrayList<>();
        for (Map.Entry<String, List<OwnedSubject>> ofRule : byRule.entrySet()) {
            Rule<?> rule = RuleName.of(ofRule.getKey()).map(byName::get).orElse(null);
            if (rule == null) {
                Log.warnf("No rule %s any more: %d subject(s) of it are not reviewed again", ofRule.getKey(), ofRule.getValue().size());
                Map<OwnedSubject, Instant> never = new HashMap<>();
                ofRule.getValue().forEach(subject -> never.put(subject, null));
                schedule(ofRule.getKey(), never);
                continue;
            }
            reviews.add(review(rule, ofRule.getValue(), now, new Grouping(config.floodLimit(), rule::summarize)));
        }
        notifications.decideAll(reviews.stream().map(Review::decisions).toList());
        reviews.forEach(review -> schedule(review.decisions().rule(), review.next()));
        int leftBusy = (int) claimed.stream().filter(due -> !owners.contains(due.ownerId())).count();
        return new Batches.Outcome(claimed.size(), byRule.values().stream().mapToInt(List::size).sum(), leftBusy);
    }

    @SuppressWarnings("unchecked")
    private List<Due> claimDue(Instant now) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select owner_id, rule, subject_id from rule_subject where due_at <= ?1
                order by due_at limit ?2 for update skip locked""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, config.sweepBatch()).getResultList();
        return rows.stream().map(row -> new Due((UUID) row[0], (String) row[1], (UUID) row[2])).toList();
    }

    /** The owner's due subjects of one rule, up to {@code limit}. */
    @SuppressWarnings("unchecked")
    private List<UUID> claimDue(UUID ownerId, RuleName rule, Instant now, int limit) {
        return entityManager.createNativeQuery("""
                select subject_id from rule_subject where owner_id = ?1 and rule = ?2 and due_at <= ?3
                order by due_at limit ?4 for update skip locked""")
                .setParameter(1, ownerId).setParameter(2, rule.id()).setParameter(3, Timestamp.from(now)).setParameter(4, limit)
                .getResultList();
    }

    /** Takes the subjects' rows (making those that are new), in one order, so a sweep skips them while events review them. */
    private void lock(RuleName rule, List<OwnedSubject> subjects) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into rule_subject (owner_id, rule, subject_id)
                    select v.owner_id, ?, v.subject_id from unnest(?, ?) as v(owner_id, subject_id)
                    order by v.owner_id, v.subject_id
                    on conflict (owner_id, rule, subject_id) do update set due_at = rule_subject.due_at""")) {
                insert.setString(1, rule.id());
                insert.setArray(2, connection.createArrayOf("uuid", subjects.stream().map(OwnedSubject::ownerId).toArray()));
                insert.setArray(3, connection.createArrayOf("uuid", subjects.stream().map(OwnedSubject::subjectId).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** What a rule decided about subjects, and when each is next due. */
    record Review(Notifications.RuleDecisions decisions, Map<OwnedSubject, Instant> next) {
    }

    /** The rule decides about the subjects, read in chunks, each with its owner's settings. */
    private <S extends Rule.Settings> Review review(Rule<S> rule, List<OwnedSubject> subjects, Instant now, Grouping grouping) {
        Map<UUID, S> settingsOf = settings.of(subjects.stream().map(OwnedSubject::ownerId).collect(Collectors.toSet()), rule);
        List<Decision> decisions = new ArrayList<>(subjects.size());
        Map<OwnedSubject, Instant> next = new HashMap<>();
        for (int from = 0; from < subjects.size(); from += EVALUATION_CHUNK) {
            List<OwnedSubject> chunk = subjects.subList(from, Math.min(subjects.size(), from + EVALUATION_CHUNK));
            List<OwnedSubject> enabled = chunk.stream().filter(s -> settingsOf.get(s.ownerId()).enabled()).toList();
            Map<OwnedSubject, Verdict> verdicts = enabled.isEmpty() ? Map.of() : rule.evaluateAll(enabled, settingsOf::get, now);
            for (OwnedSubject subject : chunk) {
                Verdict verdict = verdicts.getOrDefault(subject, Verdict.NOTHING);
                decisions.add(verdict.threshold() == null ? Decision.nothingHolds(subject.ownerId(), subject.subjectId())
                        : new Decision(subject.ownerId(), subject.subjectId(), verdict.threshold(), verdict.content()));
                next.put(subject, nextDue(rule, subject, verdict, now));
            }
        }
        return new Review(new Notifications.RuleDecisions(rule.name().id(), decisions, grouping), next);
    }

    private static Instant nextDue(Rule<?> rule, OwnedSubject subject, Verdict verdict, Instant now) {
        Instant next = verdict.nextDueAt();
        if (next != null && !next.isAfter(now)) {
            // A rule must look forward; reviewing again at once would sweep the same row forever.
            Log.warnf("Rule %s scheduled subject %s in the past (%s); not reviewed again until an event", rule.name().id(),
                    subject.subjectId(), next);
            return null;
        }
        return next;
    }

    /** Sets when each subject is next due (null: only an event or a settings change reviews it again), in one statement. */
    private void schedule(String rule, Map<OwnedSubject, Instant> dueAt) {
        List<OwnedSubject> subjects = new ArrayList<>(dueAt.keySet());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update rule_subject r set due_at = v.due_at
                    from unnest(?, ?, cast(? as timestamptz[])) as v(owner_id, subject_id, due_at)
                    where r.owner_id = v.owner_id and r.rule = ? and r.subject_id = v.subject_id""")) {
                update.setArray(1, connection.createArrayOf("uuid", subjects.stream().map(OwnedSubject::ownerId).toArray()));
                update.setArray(2, connection.createArrayOf("uuid", subjects.stream().map(OwnedSubject::subjectId).toArray()));
                update.setArray(3, connection.createArrayOf("text",
                        subjects.stream().map(subject -> dueAt.get(subject) == null ? null : dueAt.get(subject).toString()).toArray()));
                update.setString(4, rule);
                update.executeUpdate();
            }
        });
    }
}
