package dev.loraoperator.trainer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One rate limit for every request the operator makes to the Trainer API, whichever resource asks:
 * requests are spaced evenly, and a 429 Retry-After pauses everyone, not just the caller that got it.
 */
public class RateLimiter {
    private final Duration spacing;
    private final Clock clock;
    private Instant nextSlot;

    public RateLimiter(double requestsPerSecond, Clock clock) {
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("requests per second must be positive");
        }
        this.spacing = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
        this.clock = clock;
        this.nextSlot = clock.instant();
    }

    /** Reserves the next free slot and returns how long the caller must wait for it. */
    public synchronized Duration reserve() {
        Instant now = clock.instant();
        Instant slot = nextSlot.isAfter(now) ? nextSlot : now;
        nextSlot = slot.plus(spacing);
        return Duration.between(now, slot);
    }

    /** Holds every later request until the API said it will accept requests again. */
    public synchronized void pauseFor(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(nextSlot)) {
            nextSlot = until;
        }
    }

    /** Waits for a slot; interrupt-safe so the caller's thread keeps its interrupt flag. */
    public void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero() && !wait.isNegative()) {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        }
    }
}
