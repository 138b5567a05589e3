package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.OK;
import static dev.loraoperator.status.StatusFixture.T0;
import static dev.loraoperator.status.StatusFixture.facts;
import static dev.loraoperator.status.StatusFixture.following;
import static dev.loraoperator.status.StatusFixture.spec;
import static dev.loraoperator.status.StatusFixture.withDeadline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one word in `kubectl get -o wide`: why the job waits or failed, and nothing while all is well. */
class ReasonRuleTest {
    static final Verdict SYNCED = Verdict.yes("Synced", "mirrors");

    static String reason(LoraTrainingJobStatus status, JobFacts facts, Verdict synced, boolean over) {
        return ReasonRule.reason(status, facts, synced, over);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"Queued, null", "Running, null", "Succeeded, null", "Canceled, null",
        "Suspended, SuspendRequested", "Interrupted, Resuming"})
    void aFollowedJobThatIsFineHasNoReasonExceptWhenItWaits(Phase phase, String expected) {
        assertThat(reason(following("RUNNING", phase), facts(spec(), T0), SYNCED, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"TRAINING_ERROR, TRAINING_ERROR", "42251, JobFailed", "null, JobFailed"})
    void aFailedJobNamesItsErrorCodeWhenThatIsAWord(String code, String expected) {
        LoraTrainingJobStatus failed = following("FAILED", Phase.Failed);
        failed.setError(code == null ? null : new JobError(code, "broke"));
        Verdict credentials = Verdict.no("MissingCredentials", "no Secret");
        assertThat(reason(failed, new JobFacts(spec(), 1, credentials, false, T0), Verdict.no("PollFailed", "x"), true))
                .isEqualTo(expected);
    }

    @Test
    void anInvalidJobSaysInvalidConfigWhateverElseIsWrong() {
        LoraTrainingJobStatus invalid = new LoraTrainingJobStatus();
        invalid.setPhase(Phase.Invalid);
        JobFacts facts = new JobFacts(spec(), 1, Verdict.no("InvalidConfig", "bad"), true, T0);
        assertThat(reason(invalid, facts, Verdict.no("PollFailed", "x"), true)).isEqualTo("InvalidConfig");
    }

    @Test
    void unusableInputsComeBeforeAnOutOfSyncView() {
        JobFacts noSecret = new JobFacts(spec(), 1, Verdict.no("MissingCredentials", "no Secret"), false, T0);
        assertThat(reason(following("RUNNING", Phase.Running), noSecret, Verdict.no("PollFailed", "x"), false))
                .isEqualTo("MissingCredentials");
        assertThat(reason(following("RUNNING", Phase.Running), facts(spec(), T0), Verdict.no("PollFailed", "x"), false))
                .isEqualTo("PollFailed");
    }

    @Test
    void aJobNotYetSubmittedWaitsForItsDatasetsThenSaysSubmitting() {
        LoraTrainingJobStatus none = new LoraTrainingJobStatus();
        none.setPhase(Phase.Pending);
        JobFacts waiting = new JobFacts(spec(), 1, OK, false, T0, Duration.ZERO, true, "waiting for LoraDataset a");
        assertThat(reason(none, waiting, SYNCED, false)).isEqualTo("DatasetNotReady");
        assertThat(reason(none, facts(spec(), T0), SYNCED, false)).isNull();
        none.setSubmission(new Submission(SubmissionState.Pending, "a1", "2026-06-01T10:00:00Z", "h1"));
        assertThat(reason(none, facts(spec(), T0), SYNCED, false)).isEqualTo("Submitting");
        LoraTrainingJobStatus submitted = following("IN_QUEUE", Phase.Pending);
        assertThat(reason(submitted, waiting, SYNCED, false)).as("datasets matter only before submission")
                .isEqualTo("Submitting");
    }

    @Test
    void anInterruptedJobThatIsOverSaysWhetherTheDeadlineOrTheResumesRanOut() {
        LoraTrainingJobStatus interrupted = following("STOPPED", Phase.Interrupted);
        interrupted.setActiveSeconds(60L);
        assertThat(reason(interrupted, facts(withDeadline(60), T0), SYNCED, true)).isEqualTo("DeadlineExceeded");
        assertThat(reason(interrupted, facts(withDeadline(61), T0), SYNCED, true)).isEqualTo("NoResumeLeft");
        assertThat(reason(interrupted, facts(spec(), T0), SYNCED, true)).isEqualTo("NoResumeLeft");
    }
}
