package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each Trainer API answer or transport failure means for the job: the outcome decides whether the
 * operator may send the request again (NOT_PROCESSED), must not (OUTCOME_UNKNOWN: the submission becomes
 * Uncertain and waits for the user), or records a refusal; the message ends up in status.error and the Event.
 */
class ErrorClassifierTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aSubmitThatGotNoAnswerInTimeIsUncertainNotRetryable() {
        TrainerException e = ErrorClassifier.fromTransportFailure(Operation.SUBMIT,
                new HttpTimeoutException("request timed out"));

        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(e.operation()).isEqualTo(Operation.SUBMIT);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("no answer within the request timeout");
    }

    @Test
    void aConnectionThatBrokeAfterSendingIsUncertainAndSaysSo() {
        TrainerException e = ErrorClassifier.fromTransportFailure(Operation.SUBMIT, new IOException("connection reset"));

        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(e.getMessage()).isEqualTo("the connection failed after the request was sent (IOException)");
    }

    @Test
    void aRequestThatCouldNotConnectWasNeverSentSoItIsNotProcessed() {
        // HttpConnectTimeoutException is an HttpTimeoutException, but nothing was sent: safe to submit again.
        for (Exception failure : List.of(new ConnectException("refused"), new HttpConnectTimeoutException("slow"),
                new UnresolvedAddressException())) {
            TrainerException e = ErrorClassifier.fromTransportFailure(Operation.SUBMIT, failure);

            assertThat(e.outcome()).as(failure.toString()).isEqualTo(Outcome.NOT_PROCESSED);
            assertThat(e.getMessage()).isEqualTo("could not connect to the Trainer API ("
                    + failure.getClass().getSimpleName() + ")");
        }
    }

    @Test
    void aConnectFailureIsFoundDeepInTheCauseChain() {
        IOException twiceWrapped = new IOException("send failed",
                new IOException("channel", new ConnectException("Connection refused")));

        TrainerException e = ErrorClassifier.fromTransportFailure(Operation.STATUS, twiceWrapped);

        assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(e.getMessage()).isEqualTo("could not connect to the Trainer API (IOException)");
    }

    @Test
    void aCauseChainWithoutAConnectFailureStaysUncertain() {
        IOException wrapped = new IOException("send failed", new IOException("broken pipe", new IllegalStateException()));

        assertThat(ErrorClassifier.fromTransportFailure(Operation.SUBMIT, wrapped).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
    }

    @Test
    void aSuccessfulAnswerIsReturnedAsJson() throws TrainerException {
        assertThat(check(200, "{\"id\":\"j1\",\"status\":\"IN_QUEUE\"}").get("id").asText()).isEqualTo("j1");
        assertThat(check(201, "{\"id\":\"j2\"}").get("id").asText()).isEqualTo("j2");
    }

    @Test
    void aSuccessWithAnEmptyBodyIsAnEmptyObject() throws TrainerException {
        assertThat(check(204, "").isObject()).isTrue();
        assertThat(check(200, "  \n").isEmpty()).isTrue();
        assertThat(check(200, null).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"ok\"", "<html>gateway</html>", "{\"id\": "})
    void aSuccessWhoseBodyIsNotAnObjectIsUncertain(String body) {
        TrainerException e = failure(200, body);

        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).isEqualTo("the API answered 200 with a body that is not a JSON object");
    }

    @Test
    void onlyTheDatasetListMayBeAnArray() throws TrainerException {
        RateLimiter limiter = new RateLimiter(10, FIXED);
        assertThat(ErrorClassifier.checkResponse(Operation.LIST_DATASETS, CannedAnswer.of(200, "[{\"id\":\"d1\"}]",
                (String) null), limiter).get(0).get("id").asText()).isEqualTo("d1");
        TrainerException e = catchThrowableOfType(TrainerException.class, () -> ErrorClassifier.checkResponse(
                Operation.LIST_DATASETS, CannedAnswer.of(200, "\"ok\"", (String) null), limiter));
        assertThat(e.getMessage()).isEqualTo("the API answered 200 with a body that is not a JSON object");
    }

    @Test
    void anErrorCodeInsideA200IsARefusal() {
        TrainerException e = failure(200, "{\"error_code\":\"40251\",\"error_message\":\"insufficient funds\"}");

        assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(e.errorCode()).isEqualTo("40251");
        assertThat(e.getMessage()).isEqualTo("the API refused the request (200): insufficient funds");
    }

    @Test
    void aNullErrorCodeInsideA200IsStillASuccess() throws TrainerException {
        assertThat(check(200, "{\"id\":\"j3\",\"error_code\":null}").get("id").asText()).isEqualTo("j3");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 402, 403, 404, 405, 409, 410, 413, 415, 422})
    void definiteClientErrorsAreRefusals(int code) {
        TrainerException e = failure(code, "{\"code\":\"E" + code + "\",\"message\":\"no\"}");

        assertThat(e.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.errorCode()).isEqualTo("E" + code);
        assertThat(e.getMessage()).isEqualTo("the API refused the request (" + code + "): no");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 418, 500, 502, 503, 504, 302})
    void serverErrorsTimeoutsAndSurprisesMayHaveBeenProcessed(int code) {
        TrainerException e = failure(code, "{\"detail\":\"upstream died\"}");

        assertThat(e.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.errorCode()).isEqualTo(String.valueOf(code));
        assertThat(e.getMessage()).isEqualTo("the API answered " + code + ": upstream died");
    }

    @Test
    void theErrorMessageIsFoundWhereverTheApiPutsIt() {
        assertThat(failure(400, "{\"error\":\"bad yaml\"}").getMessage()).endsWith("(400): bad yaml");
        assertThat(failure(400, "{\"error\":{\"message\":\"bad gpu\",\"code\":\"GPU\"}}").getMessage())
                .endsWith("(400): bad gpu");
        assertThat(failure(400, "{\"error\":{\"error_message\":\"bad steps\"}}").getMessage())
                .endsWith("(400): bad steps");
        assertThat(failure(400, "{\"message\":\"first\",\"detail\":\"second\"}").getMessage()).endsWith("(400): first");
        assertThat(failure(400, "{\"unrelated\":1}").getMessage()).isEqualTo("the API refused the request (400)");
        assertThat(failure(503, "Service Unavailable").getMessage()).isEqualTo("the API answered 503");
        assertThat(failure(400, "[\"not\", \"an object\"]").getMessage()).isEqualTo("the API refused the request (400)");
    }

    @Test
    void withoutAnErrorCodeInTheBodyTheHttpStatusIsTheCode() {
        assertThat(failure(409, "{\"message\":\"duplicate\"}").errorCode()).isEqualTo("409");
        assertThat(failure(422, "not json").errorCode()).isEqualTo("422");
    }

    @Test
    void aRateLimitIsNotProcessedAndPausesEveryRequestForRetryAfterSeconds() {
        RateLimiter limiter = new RateLimiter(10, FIXED);

        TrainerException e = failure(429, "{\"message\":\"slow down\"}", "7", limiter);

        assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(e.errorCode()).isEqualTo("429");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).isEqualTo("rate limited by the API; retry after 7s");
        assertThat(limiter.pauseRemaining()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterOfZeroStillWaitsOneSecond() {
        assertThat(retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(retryAfter(" 3 ")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateWaitsUntilThen() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));

        assertThat(retryAfter(inTwoMinutes)).isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));
    }

    @Test
    void aRetryAfterDateInThePastWaitsOneSecond() {
        assertThat(retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMissingOrMalformedRetryAfterWaitsFiveSeconds() {
        assertThat(retryAfter(null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(retryAfter("soon")).isEqualTo(Duration.ofSeconds(5));
        assertThat(retryAfter("-3x")).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204})
    void objectStorageAcceptedTheUpload(int code) throws TrainerException {
        ErrorClassifier.checkStorageResponse(Operation.SIGNED_UPLOAD, code);
    }

    @ParameterizedTest
    @CsvSource({
        "400, REFUSED, object storage answered 400",
        "403, REFUSED, 'object storage answered 403 (the signed URL expired, or the request does not match its signature)'",
        "404, REFUSED, object storage answered 404",
        "408, OUTCOME_UNKNOWN, object storage answered 408",
        "429, NOT_PROCESSED, object storage answered 429",
        "302, OUTCOME_UNKNOWN, object storage answered 302",
        "500, OUTCOME_UNKNOWN, object storage answered 500",
        "503, OUTCOME_UNKNOWN, object storage answered 503"})
    void objectStorageIsJudgedByItsStatusAloneAndNeverQuotesTheSignedUrl(int code, Outcome outcome, String message) {
        TrainerException e = catchThrowableOfType(TrainerException.class,
                () -> ErrorClassifier.checkStorageResponse(Operation.SIGNED_UPLOAD, code));
        assertThat(e).isNotNull();
        assertThat(e.outcome()).isEqualTo(outcome);
        assertThat(e.operation()).isEqualTo(Operation.SIGNED_UPLOAD);
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.errorCode()).isEqualTo(String.valueOf(code));
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static Duration retryAfter(String header) {
        return failure(429, "", header, new RateLimiter(10, FIXED)).retryAfter().orElseThrow();
    }

    private static com.fasterxml.jackson.databind.JsonNode check(int code, String body) throws TrainerException {
        return ErrorClassifier.checkResponse(Operation.SUBMIT, CannedAnswer.of(code, body, (String) null),
                new RateLimiter(10, FIXED));
    }

    private static TrainerException failure(int code, String body) {
        return failure(code, body, null, new RateLimiter(10, FIXED));
    }

    private static TrainerException failure(int code, String body, String retryAfter, RateLimiter limiter) {
        TrainerException e = catchThrowableOfType(TrainerException.class,
                () -> ErrorClassifier.checkResponse(Operation.SUBMIT, CannedAnswer.of(code, body, retryAfter), limiter));
        assertThat(e).as("HTTP " + code + " should have failed").isNotNull();
        return e;
    }

    @Test
    void aConnectFailureWrappedOnceIsNotProcessedAndAnyOtherWrappedFailureIsUncertain() {
        assertThat(ErrorClassifier.fromTransportFailure(Operation.SUBMIT,
                new IOException("send failed", new ConnectException("Connection refused"))).outcome())
                .isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(ErrorClassifier.fromTransportFailure(Operation.SUBMIT,
                new IOException("send failed", new IOException("broken pipe"))).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
    }
}
