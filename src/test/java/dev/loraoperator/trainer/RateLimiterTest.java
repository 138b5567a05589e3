package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void spacesRequestsEvenly() {
        RateLimiter limiter = new RateLimiter(4, FIXED);
        assertThat(limiter.reserve()).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(250));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aRetryAfterHoldsEveryLaterRequest() {
        RateLimiter limiter = new RateLimiter(10, FIXED);
        limiter.pauseFor(Duration.ofSeconds(5));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(5100));
    }

    @Test
    void aShortRetryAfterNeverShortensTheQueue() {
        RateLimiter limiter = new RateLimiter(1, FIXED);
        limiter.reserve();
        limiter.reserve(); // the next free slot is now 2 s away

        limiter.pauseFor(Duration.ofMillis(500));

        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void slotsThatPassedUnusedAreNotOwed() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MovableClock clock = new MovableClock(start);
        RateLimiter limiter = new RateLimiter(2, clock);
        limiter.reserve();

        clock.now = start.plusSeconds(10);

        assertThat(limiter.reserve()).isEqualTo(Duration.ZERO);
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theRateMustBePositive() {
        assertThatThrownBy(() -> new RateLimiter(0, FIXED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requests per second must be positive");
        assertThat(new RateLimiter(0.5, FIXED).reserve()).isEqualTo(Duration.ZERO);
    }

    @Test
    void acquireWaitsForTheReservedSlot() throws InterruptedException {
        // The clock stands still, so the wait is exactly 300 ms; Thread.sleep never returns early, so a lower
        // bound cannot flake on a busy machine.
        RateLimiter limiter = new RateLimiter(10, FIXED);
        limiter.pauseFor(Duration.ofMillis(300));

        long started = System.nanoTime();
        limiter.acquire();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    /** A clock that stays where the test puts it. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
