package dev.loraoperator.trainer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One rate limit for every request the operator makes to the Trainer API, whichever resource asks. It never
 * waits: a call without a free slot is told how long to wait, so the caller reschedules instead of sleeping in a
 * reconcile thread.
 *
 * <p>A token bucket: {@code requestsPerSecond} tokens a second, holding at most one second's worth (at least 2).
 * <b>Priority rule:</b> polls never take the last token, so a submit, cancel, resume or edit finds a slot at once
 * even while polls use the whole rate, and after any wait an urgent call needs one token where a poll needs two.
 * A 429's Retry-After (capped by {@link RetryAfter}) holds everyone; when it ends the bucket holds one token, so
 * the first call through is an urgent one if any is waiting: a cancel waits no longer than the cap plus its turn
 * behind other urgent calls.
 */
public class RateLimiter {
    /** Tokens that polls leave for urgent calls. */
    private static final int RESERVED = 1;

    /** Who asks: user-driven changes (submit, cancel, resume, edit) or routine reads (status, result). */
    public enum Priority { URGENT, POLL }

    /** Why a call was deferred, for metrics. */
    public enum Cause {
        /** The bucket is empty: the configured rate is used up. */
        RATE,
        /** A poll held back so that urgent calls keep a slot. */
        PRIORITY,
        /** The API asked everyone to wait (429 Retry-After). */
        RETRY_AFTER;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A call that may not be sent now: try again after {@code delay}. */
    public record Deferral(Duration delay, Cause cause) {
    }

    private final Duration spacing;
    private final int capacity;
    private final Clock clock;
    /** The instant the bucket was (or will be) empty: it holds (now - emptyAt) / spacing tokens, up to capacity. */
    private Instant emptyAt;
    private Instant pausedUntil;

    public RateLimiter(double requestsPerSecond, Clock clock) {
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("requests per second must be positive");
        }
        this.spacing = Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond));
        this.capacity = Math.max(RESERVED + 1, (int) Math.ceil(requestsPerSecond));
        this.clock = clock;
        this.emptyAt = clock.instant().minus(spacing.multipliedBy(capacity));
        this.pausedUntil = clock.instant();
    }

    /** Takes a slot now and returns empty, or takes nothing and says how long to wait. */
    public synchronized Optional<Deferral> tryAcquire(Priority priority) {
        Instant now = clock.instant();
        Instant full = now.minus(spacing.multipliedBy(capacity));
        if (emptyAt.isBefore(full)) {
            emptyAt = full; // an idle bucket holds no more than its capacity
        }
        Instant ready = emptyAt.plus(spacing.multipliedBy(priority == Priority.POLL ? RESERVED + 1 : 1));
        if (ready.isAfter(now)) {
            return Optional.of(new Deferral(Duration.between(now, ready), causeAt(now, priority)));
        }
        emptyAt = emptyAt.plus(spacing);
        return Optional.empty();
    }

    /** Holds every call until the API said it will accept requests again; the pause is capped by the caller. */
    public synchronized void pauseFor(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        Instant emptyThen = until.minus(spacing); // one token at the pause's end: room for one urgent call
        if (emptyThen.isAfter(emptyAt)) {
            emptyAt = emptyThen;
        }
    }

    /** How long the current Retry-After pause still lasts (zero when none): a reserved slot does not outlive it. */
    public synchronized Duration pauseRemaining() {
        Duration left = Duration.between(clock.instant(), pausedUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Cause causeAt(Instant now, Priority priority) {
        if (pausedUntil.isAfter(now)) {
            return Cause.RETRY_AFTER;
        }
        boolean urgentCouldGo = !emptyAt.plus(spacing).isAfter(now);
        return priority == Priority.POLL && urgentCouldGo ? Cause.PRIORITY : Cause.RATE;
    }
}
