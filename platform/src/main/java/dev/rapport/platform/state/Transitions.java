package dev.rapport.platform.state;

import java.util.Set;
import java.util.stream.Collectors;

import dev.rapport.platform.http.ProblemException;

/**
 * A status or stage that moves along a checked state machine: each value names the values it
 * may move to. {@link #check} is the one way a move is refused: 409 with a problem naming the
 * allowed moves, so that a client can correct itself.
 */
public interface Transitions<S extends Enum<S> & Transitions<S>> {

    /** The values this one may move to. */
    Set<S> allowedNext();

    default boolean canMoveTo(S next) {
        return allowedNext().contains(next);
    }

    /**
     * Fails with a 409 problem of type {@code slug} unless {@code from → to} is allowed.
     *
     * @param what what moves, as the problem's detail names it ("meeting", "referral")
     */
    static <S extends Enum<S> & Transitions<S>> void check(String slug, String what, S from, S to) {
        if (!from.canMoveTo(to)) {
            String allowed = from.allowedNext().stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.conflict(slug, "A " + what + " that is " + from + " cannot become " + to + "; allowed: "
                    + (allowed.isEmpty() ? "none, " + from + " is final" : allowed));
        }
    }
}
