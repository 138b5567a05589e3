package dev.loraoperator.simulator;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * One injected misbehaviour: either an answer instead of processing, or a spoiled answer after processing.
 *
 * @param rewrite for the kinds that spoil the real answer (OVERSIZED, MISSING_FIELDS, UNKNOWN_STATUS): how; otherwise null
 */
record Fault(Kind kind, Reply reply, Duration delay, UnaryOperator<Reply> rewrite) {

    enum Kind {
        RATE_LIMIT, SERVER_ERROR, REFUSE, HOSTILE_ERROR, SERVER_ERROR_AFTER_PROCESSING, HANG, RESET, MALFORMED,
        OVERSIZED, MISSING_FIELDS, UNKNOWN_STATUS
    }

    static Fault answer(Kind kind, Reply reply) {
        return new Fault(kind, reply, Duration.ZERO, null);
    }

    static Fault rewriting(Kind kind, UnaryOperator<Reply> rewrite) {
        return new Fault(kind, null, Duration.ZERO, rewrite);
    }

    /**
     * Whether the request takes effect first. These are the dangerous ones for a client: a submit may have
     * created a job although the client never learns its id.
     */
    boolean processes() {
        return switch (kind) {
            case SERVER_ERROR_AFTER_PROCESSING, HANG, RESET, MALFORMED, OVERSIZED, MISSING_FIELDS, UNKNOWN_STATUS -> true;
            case RATE_LIMIT, SERVER_ERROR, REFUSE, HOSTILE_ERROR -> false;
        };
    }
}
