package dev.loraoperator.trainer;

/** The Trainer API job endpoints, named for metrics and logs. */
public enum Operation {
    SUBMIT, STATUS, RESULT, CANCEL, RESUME, EDIT;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
