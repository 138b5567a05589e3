package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import org.junit.jupiter.api.Test;

/** A write onto a newer stored status never drops a job id or moves the submission backwards. */
class StatusGuardTest {

    static LoraTrainingJobStatus status(SubmissionState state, String attempt, String jobId) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setSubmission(new Submission(state, attempt, "2026-06-01T10:00:00Z", "h"));
        status.setJobId(jobId);
        status.setPhase(jobId == null ? Phase.Pending : Phase.Queued);
        return status;
    }

    @Test
    void aRecordedJobIdIsKeptWhenThePassStartedFromAnOlderView() {
        LoraTrainingJobStatus stored = status(SubmissionState.Succeeded, "a1", "job-1");
        stored.setSubmittedAt("2026-06-01T10:00:01Z");
        LoraTrainingJobStatus ours = status(SubmissionState.Pending, "a1", null);
        LoraTrainingJobStatus written = StatusGuard.keepLearned(stored, ours);
        assertThat(written.getJobId()).isEqualTo("job-1");
        assertThat(written.getSubmission().getState()).isEqualTo(SubmissionState.Succeeded);
        assertThat(written.getSubmittedAt()).isEqualTo("2026-06-01T10:00:01Z");
        assertThat(written.getPhase()).isEqualTo(Phase.Queued);
    }

    @Test
    void aSubmissionFurtherAlongForTheSameAttemptWins() {
        LoraTrainingJobStatus stored = status(SubmissionState.Uncertain, "a1", null);
        LoraTrainingJobStatus ours = status(SubmissionState.Pending, "a1", null);
        assertThat(StatusGuard.keepLearned(stored, ours).getSubmission().getState())
                .isEqualTo(SubmissionState.Uncertain);
        LoraTrainingJobStatus otherAttempt = status(SubmissionState.Pending, "a2", null);
        assertThat(StatusGuard.keepLearned(stored, otherAttempt).getSubmission().getAttemptId()).isEqualTo("a2");
    }

    @Test
    void ourNewerViewOtherwiseWins() {
        LoraTrainingJobStatus stored = status(SubmissionState.Succeeded, "a1", "job-1");
        LoraTrainingJobStatus ours = status(SubmissionState.Succeeded, "a1", "job-1");
        ours.setPhase(Phase.Running);
        assertThat(StatusGuard.keepLearned(stored, ours).getPhase()).isEqualTo(Phase.Running);
        assertThat(StatusGuard.keepLearned(null, ours)).isSameAs(ours);
    }

    @Test
    void theStoredRemoteStateAndPhaseFillOnlyWhatOurOlderViewLacks() {
        LoraTrainingJobStatus stored = status(SubmissionState.Succeeded, "a1", "job-1");
        stored.setRemoteStatus("RUNNING");
        stored.setPhase(Phase.Running);
        LoraTrainingJobStatus pending = status(SubmissionState.Pending, "a1", null);
        assertThat(StatusGuard.keepLearned(stored, pending).getRemoteStatus()).isEqualTo("RUNNING");
        LoraTrainingJobStatus unknown = status(SubmissionState.Uncertain, "a1", null);
        unknown.setPhase(Phase.Unknown);
        unknown.setRemoteStatus("IN_QUEUE");
        LoraTrainingJobStatus written = StatusGuard.keepLearned(stored, unknown);
        assertThat(written.getPhase()).isEqualTo(Phase.Running);
        assertThat(written.getRemoteStatus()).isEqualTo("IN_QUEUE");
        LoraTrainingJobStatus suspended = status(SubmissionState.Pending, "a1", null);
        suspended.setPhase(Phase.Suspended);
        assertThat(StatusGuard.keepLearned(stored, suspended).getPhase()).isEqualTo(Phase.Suspended);
    }

    @Test
    void anAnswerIsNotSwappedForAnotherAnswerOfTheSameAttempt() {
        LoraTrainingJobStatus stored = status(SubmissionState.Uncertain, "a1", null);
        LoraTrainingJobStatus ours = status(SubmissionState.Failed, "a1", null);
        assertThat(StatusGuard.keepLearned(stored, ours).getSubmission().getState()).isEqualTo(SubmissionState.Failed);
        LoraTrainingJobStatus noState = status(null, "a1", null);
        assertThat(StatusGuard.keepLearned(status(SubmissionState.Pending, "a1", null), noState).getSubmission()
                .getState()).isEqualTo(SubmissionState.Pending);
    }
}
