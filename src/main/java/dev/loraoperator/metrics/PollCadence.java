package dev.loraoperator.metrics;

import java.util.Locale;

/** How often an active job's remote state is read: each cadence has its own configured interval. */
public enum PollCadence {
    QUEUED, RUNNING;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
