package dev.loraoperator.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** How simulated jobs move on their own: time spent in IN_QUEUE, then training speed; {@link #manual()} never moves. */
public record Timeline(Duration queueDuration, double stepsPerSecond) {

    // FOREVER rather than a flag: a queue that never ends needs no special case in the job logic.
    private static final Duration NEVER = ChronoUnit.FOREVER.getDuration();

    public Timeline {
        Objects.requireNonNull(queueDuration, "queueDuration");
        if (queueDuration.isNegative()) {
            throw new IllegalArgumentException("queueDuration must not be negative");
        }
        if (!(stepsPerSecond >= 0) || Double.isInfinite(stepsPerSecond)) {
            throw new IllegalArgumentException("stepsPerSecond must be a finite number >= 0");
        }
    }

    /** Jobs stay where they are until a test drives them through {@link JobHandle}. */
    public static Timeline manual() {
        return new Timeline(NEVER, 0);
    }

    public boolean isManual() {
        return stepsPerSecond == 0 && queueDuration.equals(NEVER);
    }

    /** Compares elapsed time instead of adding to queuedAt, which would overflow for a manual timeline. */
    boolean queueOver(Instant queuedAt, Instant now) {
        return Duration.between(queuedAt, now).compareTo(queueDuration) >= 0;
    }

    /** When training that was at {@code anchorStep} at {@code anchor} reaches {@code step}; never later than now. */
    Instant reachedAt(Instant anchor, int anchorStep, int step, Instant now) {
        if (stepsPerSecond == 0 || anchor == null) {
            return now;
        }
        Instant at = anchor.plusMillis((long) ((step - anchorStep) * 1000 / stepsPerSecond));
        return at.isAfter(now) ? now : at;
    }

    long stepsBetween(Instant from, Instant to) {
        long millis = Math.max(0, Duration.between(from, to).toMillis());
        return (long) Math.min(millis / 1000.0 * stepsPerSecond, Integer.MAX_VALUE);
    }
}
