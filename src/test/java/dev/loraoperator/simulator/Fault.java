package dev.loraoperator.simulator;

import java.time.Duration;

/** One injected misbehaviour: either an answer instead of processing, or a spoiled answer after processing. */
record Fault(Kind kind, Reply reply, Duration delay) {

    enum Kind {
        RATE_LIMIT, SERVER_ERROR, REFUSE, SERVER_ERROR_AFTER_PROCESSING, HANG, RESET, MALFORMED
    }

    static Fault answer(Kind kind, Reply reply) {
        return new Fault(kind, reply, Duration.ZERO);
    }

    /**
     * Whether the request takes effect first. These are the dangerous ones for a client: a submit may have
     * created a job although the client never learns its id.
     */
    boolean processes() {
        return switch (kind) {
            case SERVER_ERROR_AFTER_PROCESSING, HANG, RESET, MALFORMED -> true;
            case RATE_LIMIT, SERVER_ERROR, REFUSE -> false;
        };
    }
}
