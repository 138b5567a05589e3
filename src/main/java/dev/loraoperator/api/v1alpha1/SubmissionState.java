package dev.loraoperator.api.v1alpha1;

/** Where the one-and-only submission of a job stands. */
public enum SubmissionState {
    /** Recorded before the POST; a Pending found without a job id after a restart means the outcome is unknown. */
    Pending,
    /** The API answered with a job id. */
    Succeeded,
    /** The API refused the submission; retried only after the spec or the Secret changes. */
    Failed,
    /** The POST may or may not have created a job; a person must decide (adopt or retry). */
    Uncertain
}
