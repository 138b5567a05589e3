package dev.loraoperator.reconciler;

/** What one reconcile does, as decided by the {@link Planner}. */
public enum Action {
    /** Credentials or the config source are missing: say so and look again later. */
    AWAIT_INPUT,
    /** The config breaks a rule: phase Invalid, no remote call. */
    REJECT_CONFIG,
    /** A submission was Pending without a job id: its outcome is unknown, so stop and ask a person. */
    MARK_UNCERTAIN,
    /** The submission is Uncertain and no annotation resolves it yet. */
    AWAIT_PERSON,
    /** Take over the remote job named by the adopt-job-id annotation. */
    ADOPT,
    /** Submit the job (first time, or once more as the retry-submission annotation allows). */
    SUBMIT,
    /** Not submitted because spec.suspend is true. */
    HOLD_SUSPENDED,
    /** The API refused the submission and neither the spec nor the Secret changed since. */
    HOLD_REFUSED,
    /** Read the remote job and act on what it says. */
    FOLLOW,
    /** The job is over and everything about it is recorded: no remote call. */
    IDLE
}
