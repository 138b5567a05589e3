package dev.loraoperator.simulator;

/** The Trainer API job operations, used to aim fault knobs and to count recorded requests. */
public enum Operation {
    SUBMIT, STATUS, RESULT, CANCEL, RESUME, EDIT,
    /** A path or method the Trainer API does not have; answered 404 and never the target of a fault. */
    UNKNOWN
}
