package dev.loraoperator.trainer;

import java.time.Duration;

/** Told about every Trainer API request once it ends, for metrics; never sees the token or the body. */
public interface RequestObserver {
    /** @param outcome "success", or the lower-case name of the failure's {@link Outcome} */
    void requestCompleted(Operation operation, String outcome, Duration latency);

    /**
     * A call the rate limiter did not let out (it was not sent): how often and how long callers are told to wait
     * shows how saturated the limit is.
     */
    default void requestDeferred(Operation operation, RateLimiter.Cause cause, Duration wait) {
    }

    RequestObserver NONE = (operation, outcome, latency) -> { };
}
