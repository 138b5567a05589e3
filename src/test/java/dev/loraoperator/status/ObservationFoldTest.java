package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.T0;
import static dev.loraoperator.status.StatusFixture.control;
import static dev.loraoperator.status.StatusFixture.failure;
import static dev.loraoperator.status.StatusFixture.following;
import static dev.loraoperator.status.StatusFixture.remote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.Artifacts;
import dev.loraoperator.api.v1alpha1.Checkpoint;
import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.trainer.RemoteError;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One look at the remote job, folded into the status: state, progress, artifacts, error, times, confirmations. */
class ObservationFoldTest {
    static final RemoteError OOM = new RemoteError("TRAINING_ERROR", "out of memory");

    static RemoteJob job(String status, RemoteError error, String startedAt, String finishedAt) {
        return new RemoteJob("job-1", "flux_v1", status, null, error, null, startedAt, finishedAt);
    }

    static RemoteResult result(RemoteError error, String... checkpoints) {
        return new RemoteResult("STOPPED", "https://x/config.yaml", List.of(checkpoints), List.of(), error);
    }

    static LoraTrainingJobStatus fold(LoraTrainingJobStatus status, Observation observation) {
        ObservationFold.apply(status, observation, T0);
        return status;
    }

    @Test
    void aFailedReadOrAnAnswerWithoutStatusKeepsTheLastKnownState() {
        LoraTrainingJobStatus running = following("RUNNING", Phase.Running);
        running.setError(new JobError("E", "old"));
        LoraTrainingJobStatus expected = StatusCopy.of(running);
        fold(running, Observation.failed(failure(dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN, 503, "down")));
        fold(running, new Observation(job(null, null, null, null), result(OOM), null));
        fold(running, Observation.NONE);
        assertThat(StatusCopy.same(running, expected)).isTrue();
    }

    @Test
    void theRemoteStateAndProgressAreTakenAsReported() {
        LoraTrainingJobStatus status = fold(following("IN_QUEUE", Phase.Queued),
                new Observation(remote("RUNNING", 400L), null, null));
        assertThat(status.getRemoteStatus()).isEqualTo("RUNNING");
        assertThat(status.getProgress().getCurrentStep()).isEqualTo(400L);
        assertThat(status.getProgress().getSummary()).isEqualTo("400/1000 (40%)");
    }

    @Test
    void withoutApiProgressTheStepComesFromTheCheckpointsOfTheResult() {
        LoraTrainingJobStatus status = fold(following("RUNNING", Phase.Running), new Observation(job("RUNNING", null,
                null, null), result(null, "https://x/flux_v1_000000250.safetensors"), null));
        assertThat(status.getArtifacts().getLatestCheckpoint().getStep()).isEqualTo(250L);
        assertThat(status.getProgress().getCurrentStep()).isEqualTo(250L);
        assertThat(status.getProgress().getSource()).isEqualTo(ProgressMapper.FROM_CHECKPOINTS);
    }

    @Test
    void theFinalCheckpointMeansEveryStepRanWithOrWithoutANewResult() {
        LoraTrainingJobStatus status = fold(following("RUNNING", Phase.Running), new Observation(job("STOPPED", null,
                null, null), result(null, "https://x/flux_v1_000000750.safetensors", "https://x/flux_v1.safetensors"),
                null));
        assertThat(status.getProgress().getCurrentStep()).isEqualTo(1000L);
        status.setProgress(null);
        fold(status, new Observation(job("STOPPED", null, null, null), null, null));
        assertThat(status.getProgress().getCurrentStep()).as("the stored artifacts show the final checkpoint")
                .isEqualTo(1000L);
    }

    @Test
    void aConfigNameEndingInDigitsStillHasItsFinalModelRecognised() {
        LoraTrainingJobStatus status = following("RUNNING", Phase.Running);
        status.getSubmission().setConfigName("portrait_7");
        fold(status, new Observation(job("STOPPED", null, null, null),
                result(null, "https://x/portrait_7_000000750.safetensors", "https://x/portrait_7.safetensors"),
                null));
        assertThat(status.getArtifacts().getLatestCheckpoint().getName()).isEqualTo("portrait_7.safetensors");
        assertThat(status.getProgress().getCurrentStep()).as("the final model stands for train.steps")
                .isEqualTo(1000L);
    }

    @Test
    void storedArtifactsWithoutTheFinalCheckpointShowTheHighestStepOnly() {
        LoraTrainingJobStatus status = following("RUNNING", Phase.Running);
        Artifacts artifacts = new Artifacts();
        Checkpoint step750 = new Checkpoint("flux_v1_000000750.safetensors", 750L, "https://x/750");
        artifacts.setCheckpoints(List.of(step750));
        artifacts.setLatestCheckpoint(step750);
        status.setArtifacts(artifacts);
        fold(status, new Observation(job("STOPPED", null, null, null), null, null));
        assertThat(status.getProgress().getCurrentStep()).isEqualTo(750L);
        status.getSubmission().setTotalSteps(null);
        status.setProgress(null);
        fold(status, new Observation(job("STOPPED", null, null, null), null, null));
        assertThat(status.getProgress()).as("no step count known: no progress").isNull();
    }

    @Test
    void noArtifactsYetAndNoApiProgressKeepThePreviousProgress() {
        LoraTrainingJobStatus status = fold(following("RUNNING", Phase.Running),
                new Observation(remote("RUNNING", 300L), null, null));
        fold(status, new Observation(job("RUNNING", null, null, null), null, null));
        assertThat(status.getProgress().getCurrentStep()).isEqualTo(300L);
    }

    @ParameterizedTest
    @CsvSource({"job, FAILED", "result, STOPPED"})
    void theErrorComesFromTheJobOrElseFromTheResult(String where, String state) {
        RemoteJob job = job(state, where.equals("job") ? OOM : null, null, null);
        RemoteResult result = result(where.equals("result") ? OOM : null);
        LoraTrainingJobStatus status = fold(following("RUNNING", Phase.Running), new Observation(job, result, null));
        assertThat(status.getError().getCode()).isEqualTo("TRAINING_ERROR");
        assertThat(status.getError().getMessage()).isEqualTo("out of memory");
    }

    @Test
    void theJobsOwnErrorWinsOverTheResults() {
        LoraTrainingJobStatus status = fold(following("RUNNING", Phase.Running), new Observation(
                job("FAILED", new RemoteError("A", "job"), null, null), result(new RemoteError("B", "result")), null));
        assertThat(status.getError().getCode()).isEqualTo("A");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"RUNNING, null", "IN_QUEUE, null", "STOPPED, old", "CANCELED, old"})
    void aResumedJobDropsTheOldErrorButAStoppedOneKeepsIt(String state, String code) {
        LoraTrainingJobStatus status = following("FAILED", Phase.Failed);
        status.setError(new JobError("old", "broke before"));
        fold(status, new Observation(job(state, null, null, null), null, null));
        assertThat(status.getError() == null ? null : status.getError().getCode()).isEqualTo(code);
    }

    @Test
    void startAndFinishTimesComeFromTheApiOrElseFromWhenTheOperatorSawThem() {
        LoraTrainingJobStatus status = fold(following("IN_QUEUE", Phase.Queued),
                new Observation(job("IN_QUEUE", null, null, null), null, null));
        assertThat(status.getStartedAt()).as("queued: not started").isNull();
        fold(status, new Observation(job("RUNNING", null, null, null), null, null));
        assertThat(status.getStartedAt()).isEqualTo("2026-06-01T10:00:00Z");
        fold(status, new Observation(job("RUNNING", null, "2026-06-01T09:00:00Z", null), null, null));
        assertThat(status.getStartedAt()).as("the first start is kept").isEqualTo("2026-06-01T10:00:00Z");
        fold(status, new Observation(job("STOPPED", null, null, null), null, null));
        assertThat(status.getFinishedAt()).isEqualTo("2026-06-01T10:00:00Z");
        fold(status, new Observation(job("STOPPED", null, null, "2026-06-01T11:00:00Z"), null, null));
        assertThat(status.getFinishedAt()).as("the first finish is kept").isEqualTo("2026-06-01T10:00:00Z");
        fold(status, new Observation(job("RESUMING", null, null, null), null, null));
        assertThat(status.getFinishedAt()).as("resumed: not finished any more").isNull();
        LoraTrainingJobStatus reported = fold(following("IN_QUEUE", Phase.Queued), new Observation(
                job("FAILED", null, "2026-06-01T09:00:00Z", "2026-06-01T09:30:00Z"), null, null));
        assertThat(reported.getStartedAt()).isEqualTo("2026-06-01T09:00:00Z");
        assertThat(reported.getFinishedAt()).isEqualTo("2026-06-01T09:30:00Z");
    }

    @Test
    void anUnknownStateNeitherStartsNorFinishesTheJob() {
        LoraTrainingJobStatus status = following("STOPPED", Phase.Interrupted);
        status.setFinishedAt("2026-06-01T09:30:00Z");
        status.setError(new JobError("old", "broke before"));
        fold(status, new Observation(job("WARMING_UP", null, null, null), null, null));
        assertThat(status.getStartedAt()).isNull();
        assertThat(status.getFinishedAt()).isEqualTo("2026-06-01T09:30:00Z");
        assertThat(status.getError()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
        "Cancel, Sent, CANCELED, Done", "Cancel, Requested, FAILED, Done", "Cancel, Sent, RUNNING, Sent",
        "Resume, Sent, IN_QUEUE, Done", "Resume, Requested, RUNNING, Done", "Resume, Sent, STOPPED, Sent",
        "Edit, Sent, STOPPED, Sent", "Cancel, Refused, CANCELED, Refused", "Resume, Refused, RUNNING, Refused"})
    void aControlIsDoneOnceTheJobShowsItsEffect(ControlAction action, ControlState before, String seen,
            ControlState after) {
        LoraTrainingJobStatus status = following("RUNNING", Phase.Running);
        status.setLastControl(control(action, ControlCause.Suspend, before));
        fold(status, new Observation(job(seen, null, null, null), null, null));
        assertThat(status.getLastControl().getState()).isEqualTo(after);
    }

    @Test
    void withoutAControlThereIsNothingToConfirm() {
        LoraTrainingJobStatus status = fold(following("RUNNING", Phase.Running),
                new Observation(job("CANCELED", null, null, null), null, null));
        assertThat(status.getLastControl()).isNull();
        ControlRecord done = control(ControlAction.Cancel, ControlCause.Suspend, ControlState.Done);
        ObservationFold.confirm(done, RemoteStates.RUNNING);
        assertThat(done.getState()).isEqualTo(ControlState.Done);
    }

    @Test
    void aLookTheRateLimitHeldBackChangesNothingAndSaysWhenASlotIsFree() {
        LoraTrainingJobStatus running = following("RUNNING", Phase.Running);
        LoraTrainingJobStatus expected = StatusCopy.of(running);
        Observation held = Observation.heldBack(java.time.Duration.ofMillis(300));
        assertThat(held.heldBack()).isEqualTo(java.time.Duration.ofMillis(300));
        assertThat(held.read()).isFalse();
        assertThat(StatusCopy.same(fold(running, held), expected)).isTrue();
    }
}
