package dev.loraoperator.trainer;

import java.time.Duration;

/** Told about every Trainer API request once it ends, for metrics; never sees the token or the body. */
public interface RequestObserver {
    /** @param outcome "success", or the lower-case name of the failure's {@link Outcome} */
    void requestCompleted(Operation operation, String outcome, Duration latency);

    /** A call had to wait this long for the shared rate limit before it could be sent. */
    default void rateLimited(Operation operation, Duration wait) {
    }

    RequestObserver NONE = (operation, outcome, latency) -> { };
}
