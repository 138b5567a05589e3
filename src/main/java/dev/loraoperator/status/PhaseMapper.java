package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Progress;
import dev.loraoperator.trainer.RemoteError;

/** Turns what the Trainer API reports into the resource's phase (design.md, "Remote -> phase"). */
public final class PhaseMapper {
    private PhaseMapper() {
    }

    /**
     * @param progress the best progress known (from the API or inferred); may be null
     * @param resultError the error /result reported; a STOPPED job with one did not finish
     * @param operatorCancel why the operator canceled the job (Suspend or DeadlineExceeded), or null
     * @param previous the phase to keep when the remote status is not one we know
     */
    public static Phase phaseOf(String remoteStatus, Progress progress, RemoteError resultError,
            ControlCause operatorCancel, Phase previous) {
        return switch (RemoteStates.of(remoteStatus)) {
            case IN_QUEUE, RESUMING -> Phase.Queued;
            case RUNNING -> Phase.Running;
            case STOPPED -> isComplete(progress) && resultError == null ? Phase.Succeeded : Phase.Interrupted;
            case FAILED -> Phase.Failed;
            case CANCELED -> operatorCancel == ControlCause.Suspend ? Phase.Suspended
                    : operatorCancel == ControlCause.DeadlineExceeded ? Phase.Failed : Phase.Canceled;
            // Unknown words are not terminal: keep following the job and keep the phase we had.
            case UNRECOGNIZED -> previous == null ? Phase.Pending : previous;
        };
    }

    /** STOPPED means success only when every step ran (the API says STOPPED for early stops too). */
    public static boolean isComplete(Progress progress) {
        return progress != null && progress.getTotalSteps() != null && progress.getCurrentStep() != null
                && progress.getTotalSteps() > 0 && progress.getCurrentStep() >= progress.getTotalSteps();
    }
}
