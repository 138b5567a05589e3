package dev.loraoperator.trainer;

/** The Trainer API endpoints (jobs, then datasets and the signed storage upload), named for metrics and logs. */
public enum Operation {
    SUBMIT, STATUS, RESULT, CANCEL, RESUME, EDIT,
    CREATE_DATASET, LIST_DATASETS, DATASET_STATUS, UPLOAD_FILE, UPLOAD_ENDPOINT, SIGNED_UPLOAD, DELETE_DATASET;

    /** Whether a bare JSON array is a valid answer (the dataset list comes in two shapes, trainer-api.md §3.8). */
    boolean answersWithList() {
        return this == LIST_DATASETS;
    }

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads yield to changes a user asked for when the rate limit is the bottleneck (design.md, "Faults"). */
    public RateLimiter.Priority priority() {
        return this == STATUS || this == RESULT ? RateLimiter.Priority.POLL : RateLimiter.Priority.URGENT;
    }
}
