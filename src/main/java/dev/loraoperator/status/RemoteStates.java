package dev.loraoperator.status;

import java.util.Locale;

/** The Trainer API's job status words, compared case-insensitively and with both cancel spellings. */
public enum RemoteStates {
    IN_QUEUE, RESUMING, RUNNING, STOPPED, FAILED, CANCELED, UNRECOGNIZED;

    public static RemoteStates of(String remoteStatus) {
        if (remoteStatus == null) {
            return UNRECOGNIZED;
        }
        String normalized = remoteStatus.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("CANCELLED")) {
            return CANCELED;
        }
        try {
            return valueOf(normalized);
        } catch (IllegalArgumentException e) {
            return UNRECOGNIZED;
        }
    }

    /** The job is queued or running and may cost money. */
    public boolean isActive() {
        return this == IN_QUEUE || this == RESUMING || this == RUNNING;
    }

    /** The job will not change by itself any more (STOPPED is resumable, but only by a request). */
    public boolean isTerminal() {
        return this == STOPPED || this == FAILED || this == CANCELED;
    }
}
