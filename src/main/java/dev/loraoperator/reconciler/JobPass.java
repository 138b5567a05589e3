package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.status.JobFacts;
import dev.loraoperator.status.JobStatusFunction;
import dev.loraoperator.status.Observation;
import dev.loraoperator.status.Outcome;
import java.time.Instant;

/** One reconcile of one LoraTrainingJob: what was read, and the one write that must precede a remote call. */
final class JobPass {
    private LoraTrainingJob resource;
    private final LoraTrainingJobStatus previous;
    private final JobInputs inputs;
    private final Observation observation;
    private final JobFacts facts;
    private final StatusStore store;

    JobPass(LoraTrainingJob resource, LoraTrainingJobStatus previous, JobInputs inputs, Observation observation,
            JobFacts facts, StatusStore store) {
        this.resource = resource;
        this.previous = previous;
        this.inputs = inputs;
        this.observation = observation;
        this.facts = facts;
        this.store = store;
    }

    /**
     * Records an intent (a submission Pending, a control Requested) before its remote call, under optimistic
     * locking: if the resource changed since it was read, this throws and the call is not made.
     */
    void saveBeforeCall(Outcome intent) {
        resource = store.writeIfCurrent(resource, JobStatusFunction.derive(previous, observation, intent, facts));
    }

    /** Writes the final status of the pass, if it differs from what is stored now. */
    void writeIfChanged(LoraTrainingJobStatus status) {
        if (!dev.loraoperator.status.StatusCopy.same(resource.getStatus(), status)) {
            resource = store.write(resource, status);
        }
    }

    LoraTrainingJob resource() {
        return resource;
    }

    LoraTrainingJobSpec spec() {
        return resource.getSpec();
    }

    JobInputs inputs() {
        return inputs;
    }

    LoraTrainingJobStatus previous() {
        return previous;
    }

    Instant now() {
        return facts.now();
    }
}
