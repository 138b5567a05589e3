package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;

/** Where a pass writes the status: the API server in production, a recording fake in the reconcile harness. */
public interface StatusStore {

    /**
     * Writes the status only if this resource version is still current: used before a remote call, so that two
     * passes over the same resource (or two replicas) can never both go on to make it.
     */
    LoraTrainingJob writeIfCurrent(LoraTrainingJob resource, LoraTrainingJobStatus status);

    /**
     * Writes what was learned (a job id, a call confirmed). A conflict with a newer version must not lose it, and the
     * write must never move the submission backwards or drop a recorded job id, whatever view the pass started from.
     */
    LoraTrainingJob write(LoraTrainingJob resource, LoraTrainingJobStatus status);
}
