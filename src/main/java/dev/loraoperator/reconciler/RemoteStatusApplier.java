package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.Artifacts;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Progress;
import dev.loraoperator.status.ArtifactsMapper;
import dev.loraoperator.status.PhaseMapper;
import dev.loraoperator.status.ProgressMapper;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.trainer.RemoteError;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import java.util.List;

/** Folds what the API said into the status: remote state, progress, artifacts, error, timestamps, phase. */
public final class RemoteStatusApplier {
    private RemoteStatusApplier() {
    }

    /**
     * @param result null when /result was not read this time: the recorded artifacts stay
     * @param operatorCancel why the operator canceled this job, or null
     */
    public static void apply(LoraTrainingJobStatus status, RemoteJob job, RemoteResult result, ConfigFacts facts,
            ControlCause operatorCancel, String now) {
        boolean unchanged = job.status() != null && job.status().equals(status.getRemoteStatus());
        status.setRemoteStatus(job.status());
        if (result != null) {
            status.setArtifacts(ArtifactsMapper.artifactsOf(result, facts.trainSteps()));
        }
        Artifacts artifacts = status.getArtifacts();
        boolean finalSaved = result != null ? ArtifactsMapper.hasFinalCheckpoint(result) : hasFinal(artifacts, facts);
        Progress progress = ProgressMapper.progressOf(job.progress(),
                artifacts == null ? List.of() : artifacts.getCheckpoints(), facts.trainSteps(), finalSaved,
                status.getProgress());
        status.setProgress(progress);
        RemoteError resultError = result != null ? result.error() : null;
        RemoteStates state = RemoteStates.of(job.status());
        // A STOPPED job's success depends on /result's error, which is read only on change: keep the verdict.
        Phase phase = unchanged && result == null && state == RemoteStates.STOPPED && status.getPhase() != null
                ? status.getPhase()
                : PhaseMapper.phaseOf(job.status(), progress, resultError, operatorCancel, status.getPhase());
        status.setPhase(phase);
        RemoteError error = job.error() != null ? job.error() : resultError;
        if (error != null) {
            status.setError(new JobError(error.code(), error.message()));
        } else if (state.isActive() || phase == Phase.Succeeded) {
            status.setError(null); // a resumed or finished job no longer carries the old error
        }
        if (status.getStartedAt() == null && (job.startedAt() != null || state == RemoteStates.RUNNING)) {
            status.setStartedAt(job.startedAt() != null ? job.startedAt() : now);
        }
        if (state.isTerminal()) {
            if (status.getFinishedAt() == null) {
                status.setFinishedAt(job.finishedAt() != null ? job.finishedAt() : now);
            }
        } else if (state.isActive()) {
            status.setFinishedAt(null);
        }
    }

    private static boolean hasFinal(Artifacts artifacts, ConfigFacts facts) {
        return artifacts != null && artifacts.getLatestCheckpoint() != null && facts.trainSteps() != null
                && facts.trainSteps().equals(artifacts.getLatestCheckpoint().getStep());
    }
}
