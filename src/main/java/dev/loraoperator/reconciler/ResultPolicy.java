package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.trainer.RemoteJob;
import java.util.Objects;

/** When /result is worth a request: on a state change, when a save point passed, and at the end. */
public final class ResultPolicy {
    private ResultPolicy() {
    }

    public static boolean shouldFetch(LoraTrainingJobStatus recorded, RemoteJob now, ConfigFacts facts,
            boolean lastSyncFailed) {
        if (recorded.getArtifacts() == null || lastSyncFailed) {
            return true; // never read yet, or the last try may have missed something
        }
        if (!Objects.equals(recorded.getRemoteStatus(), now.status())) {
            return true; // includes the end: a terminal state is always a change from an active one
        }
        if (now.progress() == null || RemoteStates.of(now.status()) != RemoteStates.RUNNING) {
            return false;
        }
        long before = recorded.getProgress() == null || recorded.getProgress().getCurrentStep() == null ? 0
                : recorded.getProgress().getCurrentStep();
        return now.progress().currentStep() / facts.saveEvery() > before / facts.saveEvery();
    }
}
