package dev.loraoperator.api.v1alpha1;

/** Where a control call stands. */
public enum ControlState {
    /** Recorded before the call: found again, it means "check whether the call took effect" (never resend blindly). */
    Requested,
    /** The API accepted the call, but the job does not show its effect yet: confirmed by a later read. */
    Sent,
    /** The call took effect. */
    Done,
    /** The API refused the call; not repeated until the spec changes. */
    Refused
}
