package dev.loraoperator.datasets;

import java.util.List;

/** The one thing a pass does to the remote side. */
public sealed interface DatasetDecision {
    /** Create the remote dataset under this name (a 409 adopts the dataset of that name). */
    record Create(String name) implements DatasetDecision {
    }

    /** Upload these files, then look again. */
    record Upload(List<DesiredFile> files) implements DatasetDecision {
    }

    /** Change nothing; look again after the poll interval (the remote side is still moving). */
    record Poll() implements DatasetDecision {
    }

    /** Change nothing until the spec, a Secret or the remote side changes (ready, failed, or waiting for the user). */
    record Idle() implements DatasetDecision {
    }
}
