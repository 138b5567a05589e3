package dev.loraoperator.trainer;

/** The Trainer API job endpoints, named for metrics and logs. */
public enum Operation {
    SUBMIT, STATUS, RESULT, CANCEL, RESUME, EDIT;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads yield to changes a user asked for when the rate limit is the bottleneck (design.md, "Faults"). */
    public RateLimiter.Priority priority() {
        return this == STATUS || this == RESULT ? RateLimiter.Priority.POLL : RateLimiter.Priority.URGENT;
    }
}
