package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.CONFIG;
import static dev.loraoperator.status.StatusFixture.T0;
import static dev.loraoperator.status.StatusFixture.control;
import static dev.loraoperator.status.StatusFixture.following;
import static dev.loraoperator.status.StatusFixture.pending;
import static dev.loraoperator.status.StatusFixture.remote;
import static dev.loraoperator.status.StatusFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.TrainerException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a pass did, folded into the records: a submission, an adoption, a control call, and what each left. */
class OutcomeFoldTest {
    static final PreparedConfig EDITED = new PreparedConfig("flux_v1", "yaml2", "h2", List.of(), 2000, 500);

    static LoraTrainingJobStatus fold(LoraTrainingJobStatus status, Outcome outcome) {
        OutcomeFold.apply(status, outcome);
        return status;
    }

    static TrainerException failed(dev.loraoperator.trainer.Outcome outcome) {
        return new TrainerException(Operation.SUBMIT, outcome, 402, "40251", "insufficient funds", null);
    }

    static Outcome.SubmissionFailed submissionFailed(dev.loraoperator.trainer.Outcome outcome) {
        return new Outcome.SubmissionFailed(pending(T0), failed(outcome), "f9");
    }

    /** A followed job with an old control and resume count, as a new submission would find it. */
    static LoraTrainingJobStatus resumedBefore() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setLastControl(control(ControlAction.Resume, ControlCause.AutoResume, ControlState.Done));
        status.setResumeCount(2);
        return status;
    }

    @Test
    void aSubmissionIsRecordedPendingBeforeThePostWithWhatItSends() {
        LoraTrainingJobStatus status = fold(resumedBefore(), pending(T0));
        Submission submission = status.getSubmission();
        assertThat(submission.getState()).isEqualTo(SubmissionState.Pending);
        assertThat(submission.getAttemptId()).isEqualTo("a1");
        assertThat(submission.getAt()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(submission.getConfigHash()).isEqualTo("h1");
        assertThat(submission.getConfigName()).isEqualTo("flux_v1");
        assertThat(submission.getTotalSteps()).isEqualTo(1000L);
        assertThat(submission.getSaveEvery()).isEqualTo(250L);
        assertThat(submission.getGpuType()).isEqualTo(GpuType.ADA_80_PLUS);
        assertThat(submission.getGpuCount()).isEqualTo(1);
        assertThat(status.getLastControl()).as("a new submission starts a new history").isNull();
        assertThat(status.getResumeCount()).isNull();
        assertThat(status.getJobId()).isNull();
    }

    @Test
    void anAnsweredSubmissionRecordsTheJobAndStartsItsActiveTime() {
        LoraTrainingJobStatus before = resumedBefore();
        before.setError(new JobError("SubmissionUncertain", "may exist"));
        LoraTrainingJobStatus status = fold(before, new Outcome.Submitted(pending(T0), remote("IN_QUEUE", null)));
        assertThat(status.getJobId()).isEqualTo("job-1");
        assertThat(status.getSubmission().getState()).isEqualTo(SubmissionState.Succeeded);
        assertThat(status.getSubmission().getConfigHash()).isEqualTo("h1");
        assertThat(status.getSubmittedAt()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(status.getRemoteStatus()).isEqualTo("IN_QUEUE");
        assertThat(status.getActiveSeconds()).isZero();
        assertThat(status.getActiveSince()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(status.getError()).isNull();
        assertThat(status.getResumeCount()).isNull();
    }

    @Test
    void aSubmissionNeverSentLeavesNoTrace() {
        LoraTrainingJobStatus status = fold(new LoraTrainingJobStatus(),
                submissionFailed(dev.loraoperator.trainer.Outcome.NOT_PROCESSED));
        assertThat(StatusCopy.same(status, new LoraTrainingJobStatus())).isTrue();
    }

    @Test
    void aRefusedSubmissionRecordsTheApisErrorAndTheInputsItWasMadeWith() {
        LoraTrainingJobStatus status = fold(new LoraTrainingJobStatus(),
                submissionFailed(dev.loraoperator.trainer.Outcome.REFUSED));
        assertThat(status.getSubmission().getState()).isEqualTo(SubmissionState.Failed);
        assertThat(status.getSubmission().getConfigHash()).isEqualTo("h1");
        assertThat(status.getSubmission().getInputFingerprint()).isEqualTo("f9");
        assertThat(status.getError().getCode()).isEqualTo("40251");
        assertThat(status.getError().getMessage()).isEqualTo("insufficient funds");
    }

    @Test
    void aSubmissionWithoutAnAnswerIsUncertain() {
        LoraTrainingJobStatus status = fold(new LoraTrainingJobStatus(),
                submissionFailed(dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN));
        assertThat(status.getSubmission().getState()).isEqualTo(SubmissionState.Uncertain);
        assertThat(status.getSubmission().getAttemptId()).isEqualTo("a1");
        assertThat(status.getSubmission().getInputFingerprint()).isNull();
        assertThat(status.getError().getCode()).isEqualTo("SubmissionUncertain");
        assertThat(status.getError().getMessage()).isEqualTo("insufficient funds");
    }

    @Test
    void aPendingSubmissionFoundAfterARestartIsMarkedUncertain() {
        LoraTrainingJobStatus status = fold(new LoraTrainingJobStatus(), pending(T0));
        fold(status, new Outcome.MarkedUncertain("the operator stopped while submitting"));
        assertThat(status.getSubmission().getState()).isEqualTo(SubmissionState.Uncertain);
        assertThat(status.getError().getCode()).isEqualTo("SubmissionUncertain");
        assertThat(status.getError().getMessage())
                .isEqualTo("the operator stopped while submitting; the remote job may exist");
    }

    @Test
    void anAdoptedJobCountsAsSubmittedWithTheSpecsConfig() {
        LoraTrainingJobStatus uncertain = fold(new LoraTrainingJobStatus(),
                submissionFailed(dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN));
        LoraTrainingJobStatus status = fold(uncertain,
                new Outcome.Adopted("job-7", T0.plusSeconds(60), EDITED, GpuType.HOPPER_141, 2, "by annotation"));
        assertThat(status.getJobId()).isEqualTo("job-7");
        assertThat(status.getSubmission().getState()).isEqualTo(SubmissionState.Succeeded);
        assertThat(status.getSubmission().getAttemptId()).as("the attempt it resolves").isEqualTo("a1");
        assertThat(status.getSubmission().getAt()).isEqualTo("2026-06-01T10:01:00Z");
        assertThat(status.getSubmission().getConfigHash()).isEqualTo("h2");
        assertThat(status.getSubmission().getTotalSteps()).isEqualTo(2000L);
        assertThat(status.getSubmission().getGpuType()).isEqualTo(GpuType.HOPPER_141);
        assertThat(status.getSubmission().getGpuCount()).isEqualTo(2);
        assertThat(status.getSubmittedAt()).isEqualTo("2026-06-01T10:01:00Z");
        assertThat(status.getError()).isNull();
    }

    @Test
    void anAdoptionWithoutAUsableConfigKeepsWhatWasRecordedAndTheFirstSubmissionTime() {
        LoraTrainingJobStatus status = following("RUNNING", Phase.Running);
        LoraTrainingJobStatus adopted = fold(status,
                new Outcome.Adopted("job-7", T0.plusSeconds(60), null, GpuType.ADA_80_PLUS, 1, "by annotation"));
        assertThat(adopted.getSubmission().getConfigHash()).isEqualTo("h1");
        assertThat(adopted.getSubmittedAt()).isEqualTo("2026-06-01T10:00:00Z");
        LoraTrainingJobStatus fresh = fold(new LoraTrainingJobStatus(),
                new Outcome.Adopted("job-7", T0, null, GpuType.ADA_80_PLUS, 1, "by annotation"));
        assertThat(fresh.getSubmission().getConfigHash()).isNull();
        assertThat(fresh.getSubmission().getState()).isEqualTo(SubmissionState.Succeeded);
    }

    @Test
    void aControlIsRecordedRequestedBeforeTheCall() {
        LoraTrainingJobStatus status = fold(following("RUNNING", Phase.Running),
                request(ControlAction.Cancel, ControlCause.Suspend));
        assertThat(status.getLastControl().getAction()).isEqualTo(ControlAction.Cancel);
        assertThat(status.getLastControl().getCause()).isEqualTo(ControlCause.Suspend);
        assertThat(status.getLastControl().getState()).isEqualTo(ControlState.Requested);
        assertThat(status.getLastControl().getAt()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(status.getLastControl().getInputFingerprint()).isEqualTo("f1");
        assertThat(status.getResumeCount()).as("only auto-resumes are counted").isNull();
    }

    @Test
    void eachAutoResumeUsesUpOneAttempt() {
        LoraTrainingJobStatus status = fold(following("STOPPED", Phase.Interrupted),
                request(ControlAction.Resume, ControlCause.AutoResume));
        assertThat(status.getResumeCount()).isEqualTo(1);
        fold(status, request(ControlAction.Resume, ControlCause.AutoResume));
        assertThat(status.getResumeCount()).as("sent again, its effect never seen: the same attempt").isEqualTo(1);
        status.getLastControl().setState(ControlState.Done); // it took effect; the job stopped early again
        fold(status, request(ControlAction.Resume, ControlCause.AutoResume));
        assertThat(status.getResumeCount()).isEqualTo(2);
        fold(status, request(ControlAction.Resume, ControlCause.Unsuspend));
        assertThat(status.getResumeCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "Cancel, CANCELED, Done, CANCELED", "Cancel, RUNNING, Sent, RUNNING", "Cancel, null, Sent, STOPPED",
        "Resume, IN_QUEUE, Done, IN_QUEUE", "Resume, null, Sent, STOPPED", "Edit, null, Done, STOPPED"})
    void anAcceptedCallIsSentAndDoneOnceItsAnswerShowsTheEffect(ControlAction action, String answered,
            ControlState state, String remote) {
        LoraTrainingJobStatus status = fold(following("STOPPED", Phase.Interrupted),
                new Outcome.ControlSent(request(action, ControlCause.Suspend), remote(answered, null)));
        assertThat(status.getLastControl().getState()).isEqualTo(state);
        assertThat(status.getRemoteStatus()).isEqualTo(remote);
    }

    @Test
    void anAcceptedEditRecordsTheNewConfigAndAResumeTheGpusAndClearsTheEnd() {
        Outcome.ControlRequested edit = new Outcome.ControlRequested(ControlAction.Edit, ControlCause.ConfigChange, T0,
                "f2", EDITED, GpuType.ADA_80_PLUS, 1);
        LoraTrainingJobStatus edited = fold(following("STOPPED", Phase.Interrupted),
                new Outcome.ControlSent(edit, remote("STOPPED", null)));
        assertThat(edited.getSubmission().getConfigHash()).isEqualTo("h2");
        assertThat(edited.getSubmission().getTotalSteps()).isEqualTo(2000L);
        assertThat(edited.getSubmission().getSaveEvery()).isEqualTo(500L);
        Outcome.ControlRequested resume = new Outcome.ControlRequested(ControlAction.Resume, ControlCause.Unsuspend, T0,
                "f2", CONFIG, GpuType.HOPPER_141, 4);
        LoraTrainingJobStatus stopped = following("STOPPED", Phase.Interrupted);
        stopped.setError(new JobError("TRAINING_ERROR", "oom"));
        stopped.setFinishedAt("2026-06-01T09:00:00Z");
        LoraTrainingJobStatus resumed = fold(stopped, new Outcome.ControlSent(resume, remote("RESUMING", null)));
        assertThat(resumed.getSubmission().getGpuType()).isEqualTo(GpuType.HOPPER_141);
        assertThat(resumed.getSubmission().getGpuCount()).isEqualTo(4);
        assertThat(resumed.getSubmission().getConfigHash()).isEqualTo("h1");
        assertThat(resumed.getError()).isNull();
        assertThat(resumed.getFinishedAt()).isNull();
        LoraTrainingJobStatus canceled = following("RUNNING", Phase.Running);
        canceled.setError(new JobError("X", "kept"));
        fold(canceled, new Outcome.ControlSent(request(ControlAction.Cancel, ControlCause.Suspend),
                remote("CANCELED", null)));
        assertThat(canceled.getError().getCode()).isEqualTo("X");
        assertThat(canceled.getSubmission().getGpuCount()).isEqualTo(1);
    }

    @Test
    void aControlNeverSentLeavesNoRecordAndUsesNoAttempt() {
        LoraTrainingJobStatus status = following("STOPPED", Phase.Interrupted);
        fold(status, new Outcome.ControlFailed(request(ControlAction.Resume, ControlCause.AutoResume),
                new TrainerException(Operation.RESUME, dev.loraoperator.trainer.Outcome.NOT_PROCESSED, 429, "429",
                        "slow down", Duration.ofSeconds(3))));
        assertThat(status.getLastControl()).isNull();
        assertThat(status.getResumeCount()).isNull();
    }

    @Test
    void aControlWithoutAnAnswerStaysRequestedSoItIsConfirmedBeforeAnythingIsSentAgain() {
        LoraTrainingJobStatus status = following("RUNNING", Phase.Running);
        fold(status, new Outcome.ControlFailed(request(ControlAction.Cancel, ControlCause.Suspend),
                new TrainerException(Operation.CANCEL, dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN, 0, "timeout",
                        "timed out", null)));
        assertThat(status.getLastControl().getState()).isEqualTo(ControlState.Requested);
        assertThat(status.getLastControl().getMessage()).isNull();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "Resume, ADA_80_PLUS, 1, ''",
        "Resume, ADA_80_PLUS, 2, ' (gpuType/gpuCount may not be changeable for an existing job)'",
        "Resume, HOPPER_141, 1, ' (gpuType/gpuCount may not be changeable for an existing job)'",
        "Cancel, HOPPER_141, 2, ''"})
    void aRefusedControlIsRecordedWithTheApisWordsAndAHintWhenTheGpusChanged(ControlAction action, GpuType gpuType,
            int gpuCount, String hint) {
        LoraTrainingJobStatus status = following("STOPPED", Phase.Interrupted);
        Outcome.ControlRequested request = new Outcome.ControlRequested(action, ControlCause.Unsuspend, T0, "f1",
                CONFIG, gpuType, gpuCount);
        fold(status, new Outcome.ControlFailed(request, new TrainerException(Operation.RESUME,
                dev.loraoperator.trainer.Outcome.REFUSED, 400, "40001", "not allowed", null)));
        assertThat(status.getLastControl().getState()).isEqualTo(ControlState.Refused);
        assertThat(status.getLastControl().getMessage()).isEqualTo("not allowed" + hint);
    }

    @Test
    void aRefusedResumeOfAJobWithoutSubmissionRecordHasNoGpuHint() {
        LoraTrainingJobStatus adopted = following("STOPPED", Phase.Interrupted);
        adopted.setSubmission(null);
        fold(adopted, new Outcome.ControlFailed(request(ControlAction.Resume, ControlCause.Unsuspend),
                new TrainerException(Operation.RESUME, dev.loraoperator.trainer.Outcome.REFUSED, 400, "40001",
                        "not allowed", null)));
        assertThat(adopted.getLastControl().getMessage()).isEqualTo("not allowed");
    }

    @ParameterizedTest
    @CsvSource({"Nothing", "Held", "Deferred"})
    void nothingHeldOrDeferredChangesNoRecord(String kind) {
        Outcome outcome = switch (kind) {
            case "Nothing" -> new Outcome.Nothing();
            case "Held" -> new Outcome.Held("ActiveJob", "waits");
            default -> new Outcome.Deferred(Duration.ofSeconds(5), "rate limited");
        };
        LoraTrainingJobStatus status = following("RUNNING", Phase.Running);
        assertThat(StatusCopy.same(fold(status, outcome), following("RUNNING", Phase.Running))).isTrue();
    }

    @Test
    void aSubmissionRecordsTheRunComfyDatasetsItsConfigWasGivenAndNoneWhenItNamesNoLoraDataset() {
        PreparedConfig onCorgis = new PreparedConfig("flux_v1", "yaml", "h1", List.of(), 1000, 250,
                java.util.Map.of("corgis", "team-corgis"));
        LoraTrainingJobStatus status = fold(new LoraTrainingJobStatus(),
                new Outcome.SubmissionPending("a1", T0, onCorgis, GpuType.ADA_80_PLUS, 1, false));
        assertThat(status.getSubmission().getDatasets()).containsExactly(java.util.Map.entry("corgis", "team-corgis"));
        assertThat(fold(new LoraTrainingJobStatus(), pending(T0)).getSubmission().getDatasets()).isNull();
    }
}
