package dev.loraoperator.api.v1alpha1;

/** Why the operator steered the remote job. */
public enum ControlCause {
    /** spec.suspend became true while the job was active. */
    Suspend,
    /** spec.activeDeadlineSeconds passed. */
    DeadlineExceeded,
    /** spec.suspend went back to false after a suspension stopped the job. */
    Unsuspend,
    /** The platform stopped the job early and spec.autoResume allows another attempt. */
    AutoResume,
    /** The config changed while the job was not running. */
    ConfigChange
}
