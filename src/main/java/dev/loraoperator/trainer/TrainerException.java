package dev.loraoperator.trainer;

import java.time.Duration;
import java.util.Optional;

/** A Trainer API call that did not succeed, classified by whether it may have taken effect. */
public class TrainerException extends Exception {
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

    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
