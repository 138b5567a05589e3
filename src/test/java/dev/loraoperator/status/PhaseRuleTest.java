package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.OK;
import static dev.loraoperator.status.StatusFixture.T0;
import static dev.loraoperator.status.StatusFixture.control;
import static dev.loraoperator.status.StatusFixture.facts;
import static dev.loraoperator.status.StatusFixture.following;
import static dev.loraoperator.status.StatusFixture.spec;
import static dev.loraoperator.status.StatusFixture.withDeadline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Progress;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.trainer.RemoteError;
import dev.loraoperator.trainer.RemoteResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The phase, decided in one place, and the error that goes with a phase the operator itself decided. */
class PhaseRuleTest {
    static final Progress DONE = new Progress(1000L, 1000L, 100, "1000/1000 (100%)", "Api");
    static final Observation NOT_READ = Observation.NONE;

    static Phase phase(LoraTrainingJobStatus status, LoraTrainingJobStatus previous, Observation seen, JobFacts facts) {
        return PhaseRule.phase(status, previous, seen, facts);
    }

    static LoraTrainingJobStatus apply(LoraTrainingJobStatus status, JobFacts facts) {
        PhaseRule.apply(status, StatusCopy.of(status), NOT_READ, facts);
        return status;
    }

    /** A job the operator canceled for the given cause, active for {@code activeSeconds} in all. */
    static LoraTrainingJobStatus canceledBy(ControlCause cause, long activeSeconds) {
        LoraTrainingJobStatus status = following("CANCELED", Phase.Running);
        status.setLastControl(control(ControlAction.Cancel, cause, ControlState.Done));
        status.setActiveSeconds(activeSeconds);
        return status;
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        // submission, config invalid, spec.suspend -> phase
        "null,      false, false, Pending",
        "Pending,   true,  true,  Pending",
        "Uncertain, true,  true,  Unknown",
        "null,      true,  true,  Invalid",
        "Failed,    true,  false, Invalid",
        "null,      false, true,  Suspended",
        "Failed,    false, true,  Suspended",
        "Failed,    false, false, Failed"})
    void beforeAJobExistsThePhaseComesFromTheSubmissionRecordAndTheSpec(SubmissionState state, boolean invalid,
            boolean suspend, Phase expected) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        if (state != null) {
            status.setSubmission(new Submission(state, "a1", "2026-06-01T10:00:00Z", "h1"));
        }
        LoraTrainingJobSpec spec = spec();
        spec.setSuspend(suspend);
        JobFacts facts = new JobFacts(spec, 1, invalid ? Verdict.no("InvalidConfig", "bad") : OK, invalid, T0);
        assertThat(phase(status, new LoraTrainingJobStatus(), NOT_READ, facts)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"IN_QUEUE, Queued", "RUNNING, Running", "FAILED, Failed", "CANCELED, Canceled"})
    void aFollowedJobsPhaseComesFromItsRemoteState(String remote, Phase expected) {
        LoraTrainingJobStatus status = following(remote, Phase.Queued);
        assertThat(phase(status, following("IN_QUEUE", Phase.Queued), NOT_READ, facts(spec(), T0))).isEqualTo(expected);
    }

    @Test
    void aStoppedJobKeepsItsVerdictUntilTheResultIsReadAgain() {
        LoraTrainingJobStatus stopped = following("STOPPED", Phase.Interrupted);
        stopped.setProgress(DONE);
        LoraTrainingJobStatus interrupted = following("STOPPED", Phase.Interrupted);
        assertThat(phase(stopped, interrupted, NOT_READ, facts(spec(), T0)))
                .as("the result said it failed; the status alone would say it succeeded").isEqualTo(Phase.Interrupted);
        LoraTrainingJobStatus succeeded = following("STOPPED", Phase.Succeeded);
        assertThat(phase(following("STOPPED", Phase.Succeeded), succeeded, NOT_READ, facts(spec(), T0)))
                .as("all steps not known any more: still Succeeded").isEqualTo(Phase.Succeeded);
        RemoteResult clean = new RemoteResult("STOPPED", null, List.of(), List.of(), null);
        assertThat(phase(stopped, interrupted, new Observation(null, clean, null), facts(spec(), T0)))
                .as("read again: the new result decides").isEqualTo(Phase.Succeeded);
        RemoteResult failed = new RemoteResult("STOPPED", null, List.of(), List.of(), new RemoteError("E", "broke"));
        assertThat(phase(stopped, succeeded, new Observation(null, failed, null), facts(spec(), T0)))
                .isEqualTo(Phase.Interrupted);
        assertThat(phase(stopped, following("RUNNING", Phase.Interrupted), NOT_READ, facts(spec(), T0)))
                .as("it just stopped: decided afresh").isEqualTo(Phase.Succeeded);
        assertThat(phase(stopped, following("STOPPED", Phase.Failed), NOT_READ, facts(spec(), T0)))
                .as("only Succeeded and Interrupted are kept").isEqualTo(Phase.Succeeded);
    }

    @Test
    void aJobTheOperatorCanceledIsSuspendedOrFailedNotCanceled() {
        LoraTrainingJobStatus previous = following("RUNNING", Phase.Running);
        assertThat(phase(canceledBy(ControlCause.Suspend, 0), previous, NOT_READ, facts(spec(), T0)))
                .isEqualTo(Phase.Suspended);
        assertThat(phase(canceledBy(ControlCause.DeadlineExceeded, 60), previous, NOT_READ, facts(withDeadline(60), T0)))
                .isEqualTo(Phase.Failed);
        LoraTrainingJobStatus refused = canceledBy(ControlCause.Suspend, 0);
        refused.getLastControl().setState(ControlState.Refused);
        assertThat(phase(refused, previous, NOT_READ, facts(spec(), T0))).as("the user's own cancel")
                .isEqualTo(Phase.Canceled);
    }

    @Test
    void aJobTheOperatorSuspendedStaysSuspendedWhenALaterEditOrFailedResumeReplacesTheCancelRecord() {
        for (Phase kept : new Phase[] {Phase.Suspended, Phase.Failed}) {
            LoraTrainingJobStatus previous = following("CANCELED", kept);
            LoraTrainingJobStatus edited = following("CANCELED", kept);
            edited.setLastControl(control(ControlAction.Edit, ControlCause.ConfigChange, ControlState.Done));
            assertThat(phase(edited, previous, NOT_READ, facts(spec(), T0))).as("was " + kept).isEqualTo(kept);
        }
        LoraTrainingJobStatus previous = following("RUNNING", Phase.Running);
        LoraTrainingJobStatus canceledByUser = following("CANCELED", Phase.Running);
        canceledByUser.setLastControl(control(ControlAction.Edit, ControlCause.ConfigChange, ControlState.Done));
        assertThat(phase(canceledByUser, previous, NOT_READ, facts(spec(), T0))).isEqualTo(Phase.Canceled);
    }

    @Test
    void aSuspendedJobUnsuspendedWithItsActiveTimeUsedUpHasFailed() {
        LoraTrainingJobStatus previous = following("CANCELED", Phase.Suspended);
        assertThat(phase(canceledBy(ControlCause.Suspend, 60), previous, NOT_READ, facts(withDeadline(60), T0)))
                .isEqualTo(Phase.Failed);
        assertThat(phase(canceledBy(ControlCause.Suspend, 59), previous, NOT_READ, facts(withDeadline(60), T0)))
                .isEqualTo(Phase.Suspended);
        LoraTrainingJobSpec stillSuspended = withDeadline(60);
        stillSuspended.setSuspend(true);
        assertThat(phase(canceledBy(ControlCause.Suspend, 60), previous, NOT_READ, facts(stillSuspended, T0)))
                .isEqualTo(Phase.Suspended);
    }

    @Test
    void anInvalidJobCarriesTheRuleItBreaksAndLosesItOnceFixed() {
        JobFacts invalid = new JobFacts(spec(), 1, Verdict.no("InvalidConfig", "config.name is required"), true, T0);
        LoraTrainingJobStatus status = apply(new LoraTrainingJobStatus(), invalid);
        assertThat(status.getPhase()).isEqualTo(Phase.Invalid);
        assertThat(status.getError().getCode()).isEqualTo("InvalidConfig");
        assertThat(status.getError().getMessage()).isEqualTo("config.name is required");
        apply(status, facts(spec(), T0));
        assertThat(status.getPhase()).isEqualTo(Phase.Pending);
        assertThat(status.getError()).isNull();
    }

    @Test
    void aSucceededJobHasNoErrorAndARunningOneKeepsTheApis() {
        LoraTrainingJobStatus succeeded = following("STOPPED", Phase.Running);
        succeeded.setProgress(DONE);
        succeeded.setError(new JobError("TRAINING_ERROR", "old"));
        assertThat(apply(succeeded, facts(spec(), T0)).getError()).isNull();
        LoraTrainingJobStatus running = following("RUNNING", Phase.Running);
        running.setError(new JobError("TRAINING_ERROR", "reported"));
        assertThat(apply(running, facts(spec(), T0)).getError().getCode()).isEqualTo("TRAINING_ERROR");
    }

    @Test
    void aJobFailedByItsDeadlineSaysWhatTheOperatorDid() {
        LoraTrainingJobStatus canceled = apply(canceledBy(ControlCause.DeadlineExceeded, 60), facts(withDeadline(60), T0));
        assertThat(canceled.getError().getCode()).isEqualTo("DeadlineExceeded");
        assertThat(canceled.getError().getMessage()).isEqualTo(
                "activeDeadlineSeconds (60s) of active time passed; the operator canceled remote job job-1");
        LoraTrainingJobStatus suspended = apply(canceledBy(ControlCause.Suspend, 60), facts(withDeadline(60), T0));
        assertThat(suspended.getError().getMessage()).isEqualTo(
                "activeDeadlineSeconds (60s) of active time passed; the operator will not resume remote job job-1");
        suspended.getError().setMessage("written before");
        assertThat(apply(suspended, facts(withDeadline(60), T0)).getError().getMessage()).as("set once")
                .isEqualTo("written before");
    }

    @Test
    void aFailureReportedByTheApiIsNotBlamedOnTheDeadline() {
        LoraTrainingJobStatus failed = following("FAILED", Phase.Running);
        failed.setLastControl(control(ControlAction.Cancel, ControlCause.DeadlineExceeded, ControlState.Sent));
        failed.setError(new JobError("TRAINING_ERROR", "oom"));
        assertThat(apply(failed, facts(withDeadline(60), T0)).getError().getCode()).isEqualTo("TRAINING_ERROR");
        LoraTrainingJobStatus userCanceledEarlier = canceledBy(ControlCause.Suspend, 10);
        assertThat(PhaseRule.failedByDeadline(userCanceledEarlier, facts(withDeadline(60), T0))).isFalse();
        assertThat(PhaseRule.failedByDeadline(canceledBy(ControlCause.Suspend, 60), facts(spec(), T0))).isFalse();
    }
}
