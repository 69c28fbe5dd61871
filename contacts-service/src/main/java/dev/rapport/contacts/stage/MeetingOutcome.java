package dev.rapport.contacts.stage;

import static dev.rapport.contacts.stage.RelationshipStage.CLOSED;
import static dev.rapport.contacts.stage.RelationshipStage.DECLINED;
import static dev.rapport.contacts.stage.RelationshipStage.EXPLORING;
import static dev.rapport.contacts.stage.RelationshipStage.INVITED;
import static dev.rapport.contacts.stage.RelationshipStage.PARTNER;
import static dev.rapport.contacts.stage.RelationshipStage.PROSPECT;
import static dev.rapport.contacts.stage.RelationshipStage.QUALIFYING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened in meetings-service that moves a contact's stage, and where it leads. Moves go
 * forward only: never back along PROSPECT → INVITED → EXPLORING → QUALIFYING, never out of
 * PARTNER or CLOSED, and out of DECLINED (or into it) only for something that happened after
 * the contact's last stage change, so a late or replayed event cannot undo a newer state.
 */
public enum MeetingOutcome {
    INVITATION_SENT(INVITED),
    DISCOVERY_HELD(EXPLORING),
    REFERRAL_FIT_HELD(QUALIFYING),
    INVITATION_DECLINED(DECLINED),
    INVITATION_UNANSWERED(DECLINED);

    private final RelationshipStage leadsTo;

    MeetingOutcome(RelationshipStage leadsTo) {
        this.leadsTo = leadsTo;
    }

    /**
     * The stage a contact in {@code current} moves to, if any.
     *
     * @param happenedSinceLastChange whether the outcome happened after the contact's last stage change
     */
    public Optional<RelationshipStage> target(RelationshipStage current, boolean happenedSinceLastChange) {
        if (current == PARTNER || current == CLOSED) {
            return Optional.empty();
        }
        if (leadsTo == DECLINED) {
            return (current == PROSPECT || current == INVITED) && happenedSinceLastChange ? Optional.of(DECLINED) : Optional.empty();
        }
        if (current == DECLINED) {
            return happenedSinceLastChange ? Optional.of(leadsTo) : Optional.empty();
        }
        return current.ordinal() < leadsTo.ordinal() ? Optional.of(leadsTo) : Optional.empty();
    }

    /**
     * The legal single moves from {@code from} to {@code to}: a held discovery takes a prospect
     * through INVITED to EXPLORING, and a declined contact reopens to PROSPECT first.
     */
    static List<RelationshipStage> path(RelationshipStage from, RelationshipStage to) {
        List<RelationshipStage> steps = new ArrayList<>();
        if (to == DECLINED) {
            steps.add(DECLINED);
            return steps;
        }
        RelationshipStage at = from;
        if (at == DECLINED) {
            at = PROSPECT;
            steps.add(PROSPECT);
        }
        for (RelationshipStage next : List.of(INVITED, EXPLORING, QUALIFYING)) {
            if (next.ordinal() > at.ordinal() && next.ordinal() <= to.ordinal()) {
                steps.add(next);
            }
        }
        return steps;
    }
}
