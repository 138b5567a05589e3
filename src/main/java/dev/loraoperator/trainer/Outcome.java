package dev.loraoperator.trainer;

/** How a failed Trainer API call ended, which decides whether it may be sent again. */
public enum Outcome {
    /** The API definitely refused the request (4xx): sending it again unchanged will not help. */
    REFUSED,
    /**
     * The request was never processed (no connection, 429, no slot in the operator's rate limit, a request that
     * could not be built): safe to send again after a pause.
     */
    NOT_PROCESSED,
    /** The request may have been processed (timeout after sending, reset, 5xx, unreadable 2xx). */
    OUTCOME_UNKNOWN
}
