package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.Artifacts;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.trainer.RemoteError;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import java.time.Instant;
import java.util.List;

/** Folds one look at the remote job into the status: state, progress, artifacts, error, times, confirmations. */
final class ObservationFold {
    private ObservationFold() {
    }

    static void apply(LoraTrainingJobStatus status, Observation observation, Instant now) {
        RemoteJob job = observation.job();
        if (job == null || job.status() == null) {
            return; // a failed read, or an answer without a status: keep the last known state
        }
        status.setRemoteStatus(job.status());
        Long totalSteps = submitted(status, Submission::getTotalSteps);
        String configName = submitted(status, Submission::getConfigName);
        RemoteResult result = observation.result();
        if (result != null) {
            status.setArtifacts(ArtifactsMapper.artifactsOf(result, totalSteps, configName));
        }
        Artifacts artifacts = status.getArtifacts();
        // Without a new result the stored checkpoints suffice: the final one carries the configured step count.
        boolean finalSaved = result != null && ArtifactsMapper.hasFinalCheckpoint(result, configName);
        status.setProgress(ProgressMapper.progressOf(job.progress(),
                artifacts == null ? List.of() : artifacts.getCheckpoints(), totalSteps, finalSaved,
                status.getProgress()));
        RemoteStates state = RemoteStates.of(job.status());
        RemoteError error = job.error() != null ? job.error() : result != null ? result.error() : null;
        if (error != null) {
            status.setError(new JobError(error.code(), error.message()));
        } else if (state.isActive()) {
            status.setError(null); // a resumed job no longer carries the old error
        }
        if (status.getStartedAt() == null && (job.startedAt() != null || state == RemoteStates.RUNNING)) {
            status.setStartedAt(job.startedAt() != null ? job.startedAt() : Times.format(now));
        }
        if (state.isTerminal()) {
            if (status.getFinishedAt() == null) {
                status.setFinishedAt(job.finishedAt() != null ? job.finishedAt() : Times.format(now));
            }
        } else if (state.isActive()) {
            status.setFinishedAt(null);
        }
        confirm(status.getLastControl(), state);
    }

    /** A control that was sent (or may have been) is done once the job shows its effect. */
    static void confirm(ControlRecord last, RemoteStates remote) {
        if (last == null || (last.getState() != ControlState.Requested && last.getState() != ControlState.Sent)) {
            return;
        }
        if (tookEffect(last, remote)) {
            last.setState(ControlState.Done);
        }
    }

    static boolean tookEffect(ControlRecord last, RemoteStates remote) {
        return switch (last.getAction()) {
            case Cancel -> remote.isTerminal();
            case Resume -> remote.isActive();
            case Edit -> false; // invisible in the status: its 2xx is its confirmation
        };
    }

    static <T> T submitted(LoraTrainingJobStatus status, java.util.function.Function<Submission, T> field) {
        return status.getSubmission() == null ? null : field.apply(status.getSubmission());
    }
}
