package dev.loraoperator.api.v1alpha1;

/** Where a LoraTrainingJob stands, as one word. */
public enum Phase {
    Pending, Invalid, Suspended, Queued, Running, Interrupted, Succeeded, Failed, Canceled, Unknown;

    /** True for phases in which the remote job can no longer change by itself. */
    public boolean isFinished() {
        return this == Succeeded || this == Failed || this == Canceled;
    }
}
