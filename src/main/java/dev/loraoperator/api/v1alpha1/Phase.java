package dev.loraoperator.api.v1alpha1;

/** Where a LoraTrainingJob stands, as one word. */
public enum Phase {
    Pending, Invalid, Suspended, Queued, Running, Interrupted, Succeeded, Failed, Canceled, Unknown
}
