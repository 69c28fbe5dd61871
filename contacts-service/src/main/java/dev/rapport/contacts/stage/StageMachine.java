package dev.rapport.contacts.stage;

import java.util.stream.Collectors;

import dev.rapport.platform.http.ProblemException;

/**
 * The rules of a stage change, in one place: every change, whether a client asks for it or an
 * event causes it, is checked here before it is made. Pure: it looks only at its arguments;
 * rules that need stored state belong in {@link StageService#move}, next to this call.
 */
public final class StageMachine {

    /** The problem type of a move the machine does not allow. */
    public static final String ILLEGAL_CHANGE = "illegal-stage-change";

    private StageMachine() {
    }

    /**
     * Fails with a 409 problem naming the allowed stages when {@code from → to} is not a legal
     * move (a move to the same stage included), or a 400 on {@code reason} when the target
     * requires one and it is missing or blank.
     */
    public static void check(RelationshipStage from, RelationshipStage to, String reason) {
        if (!from.allowedNext().contains(to)) {
            String allowed = from.allowedNext().stream().map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.conflict(ILLEGAL_CHANGE,
                    "A contact in stage " + from + " cannot move to " + to + "; allowed: " + allowed);
        }
        if (to.requiresReason() && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "is required to move to " + to);
        }
    }
}
