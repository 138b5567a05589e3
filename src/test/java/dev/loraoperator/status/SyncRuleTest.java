package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.failure;
import static dev.loraoperator.status.StatusFixture.following;
import static dev.loraoperator.status.StatusFixture.remote;
import static dev.loraoperator.status.StatusFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.trainer.RemoteJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Synced condition: whether the status mirrors the remote job now, and if not, the one reason that wins. */
class SyncRuleTest {
    static final Observation RUNNING = new Observation(remote("RUNNING", 10L), null, null);

    static Verdict verdict(LoraTrainingJobStatus status, Observation observation, Outcome outcome) {
        return SyncRule.verdict(status, observation, outcome);
    }

    @Test
    void aFollowedJobReadThisPassIsSynced() {
        assertThat(verdict(following("RUNNING", Phase.Running), RUNNING, new Outcome.Nothing()))
                .isEqualTo(Verdict.yes("Synced", "the status mirrors remote job job-1"));
        assertThat(verdict(following("STOPPED", Phase.Succeeded), Observation.NONE, new Outcome.Nothing()).ok())
                .as("a settled job not read again").isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "Cancel, REFUSED, CancelRefused, the cancel of remote job job-1 was refused: no",
        "Cancel, OUTCOME_UNKNOWN, CancelFailed, the cancel of remote job job-1 failed: no",
        "Resume, REFUSED, ResumeRefused, the resume of remote job job-1 was refused: no",
        "Edit, NOT_PROCESSED, EditFailed, the edit of remote job job-1 failed: no"})
    void aFailedControlCallIsTheReasonEvenWhenTheReadWorked(ControlAction action,
            dev.loraoperator.trainer.Outcome outcome, String reason, String message) {
        Outcome failed = new Outcome.ControlFailed(request(action, ControlCause.Suspend), failure(outcome, 409, "no"));
        assertThat(verdict(following("RUNNING", Phase.Running), RUNNING, failed)).isEqualTo(Verdict.no(reason, message));
    }

    @ParameterizedTest
    @CsvSource({"404, RemoteJobNotFound", "503, PollFailed", "0, PollFailed"})
    void aFailedReadKeepsTheLastKnownStateAndSaysWhy(int httpStatus, String reason) {
        Observation failed = Observation.failed(failure(dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN, httpStatus,
                "boom"));
        Verdict verdict = verdict(following("RUNNING", Phase.Running), failed,
                new Outcome.Held("ActiveJob", "waits"));
        assertThat(verdict).isEqualTo(Verdict.no(reason,
                "could not read remote job job-1: boom; showing the last known state"));
    }

    @Test
    void anAnswerWithoutAStatusIsIncomplete() {
        Observation noStatus = new Observation(new RemoteJob("job-1", null, null, null, null, null, null, null), null,
                null);
        assertThat(verdict(following("RUNNING", Phase.Running), noStatus, new Outcome.Held("ActiveJob", "waits")))
                .isEqualTo(Verdict.no("IncompleteAnswer", "the Trainer API answered for remote job job-1 without a "
                        + "status; showing the last known state"));
    }

    @Test
    void aHeldStepIsReportedWithItsOwnReasonAndMessage() {
        assertThat(verdict(following("RUNNING", Phase.Running), RUNNING, new Outcome.Held("ActiveJob", "waits")))
                .isEqualTo(Verdict.no("ActiveJob", "waits"));
        assertThat(verdict(new LoraTrainingJobStatus(), Observation.NONE, new Outcome.Held("MissingCredentials", "no")))
                .isEqualTo(Verdict.no("MissingCredentials", "no"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, true", "Pending, true", "Failed, true", "Uncertain, false"})
    void withoutARemoteJobOnlyAnUncertainSubmissionIsOutOfSync(SubmissionState state, boolean ok) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        if (state != null) {
            status.setSubmission(new Submission(state, "a1", "2026-06-01T10:00:00Z", "h1"));
        }
        Verdict verdict = verdict(status, Observation.NONE, new Outcome.Nothing());
        assertThat(verdict.ok()).isEqualTo(ok);
        assertThat(verdict.reason()).isEqualTo(ok ? "NoRemoteJob" : "SubmissionUncertain");
        assertThat(verdict.message()).isEqualTo(ok ? "there is no remote job to follow"
                : "the operator cannot tell whether a remote job exists");
    }

    @Test
    void aStatusWordThisOperatorDoesNotKnowIsReportedButStillFollowed() {
        Verdict verdict = verdict(following("WARMING_UP", Phase.Running),
                new Observation(remote("WARMING_UP", null), null, null), new Outcome.Nothing());
        assertThat(verdict).isEqualTo(Verdict.no("UnknownRemoteStatus", "the Trainer API reports status WARMING_UP, "
                + "which this operator does not know; still following the job (cost controls treat it as active)"));
    }
}
