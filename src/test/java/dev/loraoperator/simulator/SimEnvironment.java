package dev.loraoperator.simulator;

import java.time.Clock;
import java.time.Instant;

/** What all jobs share: the clock, the timeline and the simulator-wide knobs. */
final class SimEnvironment {

    private final Clock clock;
    private final Timeline timeline;
    // volatile: tests flip these while operator threads are polling
    private volatile boolean doubleLCancelled;
    private volatile double preemptFraction = Double.NaN;

    SimEnvironment(Clock clock, Timeline timeline) {
        this.clock = clock;
        this.timeline = timeline;
    }

    Instant now() {
        return clock.instant();
    }

    Timeline timeline() {
        return timeline;
    }

    void doubleLCancelled(boolean on) {
        doubleLCancelled = on;
    }

    void preemptFraction(double fraction) {
        if (!Double.isNaN(fraction) && !(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("preemption fraction must be between 0 and 1 (exclusive)");
        }
        preemptFraction = fraction;
    }

    /** The spelling a client sees; clients are known to meet both CANCELED and CANCELLED (trainer-api.md §2.4). */
    String render(String status) {
        return doubleLCancelled && "CANCELED".equals(status) ? "CANCELLED" : status;
    }

    /** The step at which the one-off preemption hits a job of this length, or -1 when the knob is off. */
    int preemptStep(int totalSteps) {
        double fraction = preemptFraction;
        return Double.isNaN(fraction) ? -1 : Math.max(1, (int) Math.floor(fraction * totalSteps));
    }
}
