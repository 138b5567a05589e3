package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loraoperator.simulator.MutableClock;
import dev.loraoperator.trainer.RateLimiter.Cause;
import dev.loraoperator.trainer.RateLimiter.Deferral;
import dev.loraoperator.trainer.RateLimiter.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared rate limit on a fake clock: it never blocks, keeps the rate, and lets urgent calls go first. */
class RateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static Optional<Deferral> deferredBy(Duration delay, Cause cause) {
        return Optional.of(new Deferral(delay, cause));
    }

    @Test
    void aBurstOfOneSecondsWorthThenEvenlySpacedAndAskingConsumesNothing() {
        RateLimiter limiter = new RateLimiter(4, clock);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryAcquire(Priority.URGENT)).as("call " + i).isEmpty();
        }
        assertThat(limiter.tryAcquire(Priority.URGENT)).isEqualTo(deferredBy(Duration.ofMillis(250), Cause.RATE));
        clock.advance(Duration.ofMillis(100));
        assertThat(limiter.tryAcquire(Priority.URGENT)).as("a deferred call took nothing")
                .isEqualTo(deferredBy(Duration.ofMillis(150), Cause.RATE));
        clock.advance(Duration.ofMillis(150));
        assertThat(limiter.tryAcquire(Priority.URGENT)).isEmpty();
    }

    @Test
    void pollsAloneGetTheFullRateButNeverTheLastToken() {
        RateLimiter limiter = new RateLimiter(4, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(Priority.POLL)).isEmpty();
        }
        assertThat(limiter.tryAcquire(Priority.POLL)).isEqualTo(deferredBy(Duration.ofMillis(250), Cause.PRIORITY));
        int polls = 0;
        for (int step = 0; step < 40; step++) {
            clock.advance(Duration.ofMillis(250));
            polls += limiter.tryAcquire(Priority.POLL).isEmpty() ? 1 : 0;
        }
        assertThat(polls).as("10 s at 4/s").isEqualTo(40);
        assertThat(limiter.tryAcquire(Priority.URGENT)).as("the token polls leave").isEmpty();
    }

    @Test
    void underSaturationUrgentCallsWaitOneSpacingAndPollsTwo() {
        RateLimiter limiter = new RateLimiter(4, clock);
        while (limiter.tryAcquire(Priority.URGENT).isEmpty()) {
            // drain the bucket
        }
        assertThat(limiter.tryAcquire(Priority.URGENT)).isEqualTo(deferredBy(Duration.ofMillis(250), Cause.RATE));
        assertThat(limiter.tryAcquire(Priority.POLL)).isEqualTo(deferredBy(Duration.ofMillis(500), Cause.RATE));
        clock.advance(Duration.ofMillis(250));
        assertThat(limiter.tryAcquire(Priority.POLL)).isEqualTo(deferredBy(Duration.ofMillis(250), Cause.PRIORITY));
        assertThat(limiter.tryAcquire(Priority.URGENT)).isEmpty();
    }

    @Test
    void everyoneHammeringNeverExceedsTheBurstPlusTheRate() {
        RateLimiter limiter = new RateLimiter(4, clock);
        int urgent = 0;
        int polls = 0;
        for (int ms = 0; ms < 10_000; ms += 10) {
            while (limiter.tryAcquire(Priority.URGENT).isEmpty()) {
                urgent++;
            }
            while (limiter.tryAcquire(Priority.POLL).isEmpty()) {
                polls++;
            }
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(urgent + polls).as("4 at once plus 4/s for 10 s").isLessThanOrEqualTo(4 + 40);
        assertThat(polls).as("urgent callers that never stop leave polls nothing").isZero();
    }

    @Test
    void aRetryAfterHoldsEveryoneThenTheFirstSlotGoesToAnUrgentCall() {
        RateLimiter limiter = new RateLimiter(10, clock);
        limiter.pauseFor(Duration.ofSeconds(5));
        assertThat(limiter.pauseRemaining()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire(Priority.URGENT)).isEqualTo(deferredBy(Duration.ofSeconds(5), Cause.RETRY_AFTER));
        assertThat(limiter.tryAcquire(Priority.POLL))
                .isEqualTo(deferredBy(Duration.ofMillis(5100), Cause.RETRY_AFTER));
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.pauseRemaining()).isZero();
        assertThat(limiter.tryAcquire(Priority.POLL)).isEqualTo(deferredBy(Duration.ofMillis(100), Cause.PRIORITY));
        assertThat(limiter.tryAcquire(Priority.URGENT)).isEmpty();
    }

    @Test
    void aShorterPauseNeverShortensALongerOne() {
        RateLimiter limiter = new RateLimiter(10, clock);
        limiter.pauseFor(Duration.ofMinutes(10));
        limiter.pauseFor(Duration.ofSeconds(1));
        assertThat(limiter.pauseRemaining()).isEqualTo(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire(Priority.URGENT)).as("no longer than the pause").isEmpty();
    }

    @Test
    void aRateOfZeroIsRefusedAtStartup() {
        assertThatThrownBy(() -> new RateLimiter(0, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requests per second must be positive");
    }
}
