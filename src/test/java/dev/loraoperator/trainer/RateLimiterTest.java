package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
}
