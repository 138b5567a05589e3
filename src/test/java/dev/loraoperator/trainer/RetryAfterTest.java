package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Retry-After as servers and proxies send it, always turned into a pause of 1 s to 10 min. */
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    @Test
    void secondsAreTakenAsSentWithinTheBounds() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 600 ", NOW)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void longPausesAreCappedAtTenMinutes() {
        assertThat(RetryAfter.parse("601", NOW)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryAfter.parse("86400", NOW)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryAfter.parse(httpDate(NOW.plus(Duration.ofDays(1))), NOW)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anHttpDateIsTheTimeUntilThenAndAPastOneIsOneSecond() {
        assertThat(RetryAfter.parse(httpDate(NOW.plusSeconds(30)), NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 12:02:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(httpDate(NOW.minusSeconds(30)), NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void missingNegativeOrGarbageIsFiveSeconds() {
        for (String value : new String[] {null, "", "-5", "1.5", "soon", "30s", "Thu, 32 Jan 2026 12:02:00 GMT"}) {
            assertThat(RetryAfter.parse(value, NOW)).as(String.valueOf(value)).isEqualTo(Duration.ofSeconds(5));
        }
    }
}
