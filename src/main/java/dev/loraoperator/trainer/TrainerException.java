package dev.loraoperator.trainer;

import java.time.Duration;
import java.util.Optional;

/** A Trainer API call that did not succeed, classified by whether it may have taken effect. */
public class TrainerException extends Exception {
    /** The error code of a call the operator's own rate limit kept back: nothing was sent. */
    static final String DEFERRED = "RateLimitDeferred";
    private final Operation operation;
    private final Outcome outcome;
    private final int httpStatus;
    private final String errorCode;
    private final Duration retryAfter;

    public TrainerException(Operation operation, Outcome outcome, int httpStatus, String errorCode,
            String message, Duration retryAfter) {
        super(message);
        this.operation = operation;
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public Operation operation() { return operation; }
    public Outcome outcome() { return outcome; }
    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() { return httpStatus; }
    /** The API's error code, or the HTTP status when the body had none. */
    public String errorCode() { return errorCode; }
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    /** Not sent because the operator's rate limit had no slot: reschedule after {@link #retryAfter()}, no alarm. */
    public boolean isDeferred() {
        return httpStatus == 0 && DEFERRED.equals(errorCode);
    }

    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
