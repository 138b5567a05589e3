package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.loraoperator.simulator.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** How the classifier treats answers that break a bound: oversized bodies, huge errors, long Retry-After. */
class ErrorClassifierBoundsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RateLimiter limiter = new RateLimiter(10, clock);

    /** Just the parts of a response the classifier reads. */
    private record Answer(int statusCode, HttpHeaders headers, BoundedBody body) implements HttpResponse<BoundedBody> {
        static Answer of(int status, String body, Map<String, List<String>> headers) {
            return new Answer(status, HttpHeaders.of(headers, (name, value) -> true), new BoundedBody(body, false));
        }

        static Answer oversized(int status) {
            return new Answer(status, HttpHeaders.of(Map.of(), (name, value) -> true), new BoundedBody(null, true));
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://api.invalid/")).build();
        }

        @Override
        public Optional<HttpResponse<BoundedBody>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request().uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    private TrainerException classify(Operation op, Answer answer) {
        return catchThrowableOfType(TrainerException.class, () -> ErrorClassifier.checkResponse(op, answer, limiter));
    }

    @Test
    void anOversized2xxIsOutcomeUnknownAndSaysWhy() {
        TrainerException e = classify(Operation.SUBMIT, Answer.oversized(200));
        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(e.getMessage()).isEqualTo("the API answered 200 with a body over 1024 KiB, which the operator"
                + " does not read; the request may have been processed");
    }

    @Test
    void anOversizedErrorIsClassifiedByItsStatus() {
        assertThat(classify(Operation.STATUS, Answer.oversized(404)).isNotFound()).isTrue();
        assertThat(classify(Operation.SUBMIT, Answer.oversized(402)).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(classify(Operation.SUBMIT, Answer.oversized(502)).outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
    }

    @Test
    void aHugeErrorMessageAndCodeAreCleanedAndCapped() {
        String huge = "\\u001b[31mno\\r\\nmoney\\u0000 ".repeat(10_000);
        TrainerException e = classify(Operation.SUBMIT,
                Answer.of(402, "{\"error_code\":\"" + huge + "\",\"error_message\":\"" + huge + "\"}", Map.of()));
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
                Answer.of(429, "{}", Map.of("Retry-After", List.of("86400"))));
        assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(e.getMessage()).contains("retry after 600s");
        assertThat(limiter.pauseRemaining()).isEqualTo(Duration.ofMinutes(10));
    }
}
