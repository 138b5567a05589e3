package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loraoperator.simulator.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the classifier treats answers that break a bound: oversized bodies, huge errors, long Retry-After. */
class ErrorClassifierBoundsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(10, clock);

    private TrainerException classify(Operation op, CannedAnswer answer) {
        return catchThrowableOfType(TrainerException.class, () -> ErrorClassifier.checkResponse(op, answer, limiter));
    }

    @Test
    void anOversized2xxIsOutcomeUnknownAndSaysWhy() {
        TrainerException e = classify(Operation.SUBMIT, CannedAnswer.oversized(200));
        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(e.getMessage()).isEqualTo("the API answered 200 with a body over 1024 KiB, which the operator"
                + " does not read; the request may have been processed");
    }

    @Test
    void anOversizedErrorIsClassifiedByItsStatus() {
        assertThat(classify(Operation.STATUS, CannedAnswer.oversized(404)).isNotFound()).isTrue();
        assertThat(classify(Operation.SUBMIT, CannedAnswer.oversized(402)).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(classify(Operation.SUBMIT, CannedAnswer.oversized(502)).outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
    }

    @Test
    void aHugeErrorMessageAndCodeAreCleanedAndCapped() {
        String huge = "\\u001b[31mno\\r\\nmoney\\u0000 ".repeat(10_000);
        TrainerException e = classify(Operation.SUBMIT,
                CannedAnswer.of(402, "{\"error_code\":\"" + huge + "\",\"error_message\":\"" + huge + "\"}", Map.of()));
        assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(e.errorCode().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(RemoteText.MAX_BYTES);
        assertThat(e.getMessage()).startsWith("the API refused the request (402): [31mno money [31mno money")
                .doesNotContainPattern("\\p{Cc}");
        assertThat(e.getMessage().getBytes(StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(RemoteText.MAX_BYTES + "the API refused the request (402): ".length());
    }

    @Test
    void a429OfADayPausesEveryoneForTenMinutes() {
        TrainerException e = classify(Operation.STATUS,
                CannedAnswer.of(429, "{}", Map.of("Retry-After", List.of("86400"))));
        assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(e.getMessage()).contains("retry after 600s");
        assertThat(limiter.pauseRemaining()).isEqualTo(Duration.ofMinutes(10));
    }
}
