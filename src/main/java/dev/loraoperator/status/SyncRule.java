package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.trainer.TrainerException;

/** Whether the status mirrors the remote job now, and if not why: one verdict per pass, by fixed precedence. */
final class SyncRule {
    private SyncRule() {
    }

    static Verdict verdict(LoraTrainingJobStatus status, Observation observation, Outcome outcome) {
        if (outcome instanceof Outcome.ControlFailed failed) {
            return controlFailed(status, failed);
        }
        if (observation.failure() != null) {
            TrainerException e = observation.failure();
            return Verdict.no(e.isNotFound() ? "RemoteJobNotFound" : "PollFailed", "could not read remote job "
                    + status.getJobId() + ": " + e.getMessage() + "; showing the last known state");
        }
        if (observation.read() && observation.job().status() == null) {
            return Verdict.no("IncompleteAnswer", "the Trainer API answered for remote job " + status.getJobId()
                    + " without a status; showing the last known state");
        }
        if (outcome instanceof Outcome.Held held) {
            return Verdict.no(held.reason(), held.message());
        }
        if (status.getJobId() == null) {
            boolean uncertain = status.getSubmission() != null
                    && status.getSubmission().getState() == SubmissionState.Uncertain;
            return uncertain ? Verdict.no("SubmissionUncertain", "the operator cannot tell whether a remote job exists")
                    : Verdict.yes("NoRemoteJob", "there is no remote job to follow");
        }
        if (RemoteStates.of(status.getRemoteStatus()) == RemoteStates.UNRECOGNIZED) {
            return Verdict.no("UnknownRemoteStatus", unknownStatusMessage(status.getRemoteStatus()));
        }
        return Verdict.yes("Synced", "the status mirrors remote job " + status.getJobId());
    }

    static String unknownStatusMessage(String remoteStatus) {
        return "the Trainer API reports status " + remoteStatus
                + ", which this operator does not know; still following the job (cost controls treat it as active)";
    }

    private static Verdict controlFailed(LoraTrainingJobStatus status, Outcome.ControlFailed failed) {
        String action = failed.request().action().name();
        TrainerException e = failed.failure();
        boolean refused = e.outcome() == dev.loraoperator.trainer.Outcome.REFUSED;
        String message = "the " + action.toLowerCase() + " of remote job " + status.getJobId()
                + (refused ? " was refused: " : " failed: ") + e.getMessage();
        return Verdict.no(action + (refused ? "Refused" : "Failed"), message);
    }
}
