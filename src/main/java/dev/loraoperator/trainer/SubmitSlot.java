package dev.loraoperator.trainer;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A rate-limit slot taken for one submission before the operator records it as Pending, so that waiting for
 * the limit never happens between that record and the POST. Spent by exactly one submit.
 */
public final class SubmitSlot {
    private final AtomicBoolean spent = new AtomicBoolean();

    SubmitSlot() {
    }

    void spend() {
        if (!spent.compareAndSet(false, true)) {
            throw new IllegalStateException("a submit slot pays for one submission only");
        }
    }
}
