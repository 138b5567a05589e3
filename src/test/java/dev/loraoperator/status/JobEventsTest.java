package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.OK;
import static dev.loraoperator.status.StatusFixture.T0;
import static dev.loraoperator.status.StatusFixture.conditions;
import static dev.loraoperator.status.StatusFixture.facts;
import static dev.loraoperator.status.StatusFixture.failure;
import static dev.loraoperator.status.StatusFixture.following;
import static dev.loraoperator.status.StatusFixture.pending;
import static dev.loraoperator.status.StatusFixture.remote;
import static dev.loraoperator.status.StatusFixture.request;
import static dev.loraoperator.status.StatusFixture.resumable;
import static dev.loraoperator.status.StatusFixture.spec;
import static dev.loraoperator.status.StatusFixture.withDeadline;
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
import dev.loraoperator.events.EventReason;
import dev.loraoperator.status.JobEvents.JobEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Events a pass records: one per thing a user should hear about, and none for what did not change. */
class JobEventsTest {
    static final Observation READ_RUNNING = new Observation(remote("RUNNING", 10L), null, null);

    static List<JobEvent> events(LoraTrainingJobStatus before, LoraTrainingJobStatus next, Observation seen,
            Outcome outcome, JobFacts facts) {
        return JobEvents.between(before, next, seen, outcome, facts);
    }

    /** The Events of a pass that only looked at a job, which stayed as it was. */
    static List<JobEvent> quiet(LoraTrainingJobStatus next, Outcome outcome) {
        return events(StatusCopy.of(next), next, Observation.NONE, outcome, facts(spec(), T0));
    }

    /** A job not yet submitted, as the status function leaves it: phase Pending. */
    static LoraTrainingJobStatus notSubmitted() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(Phase.Pending);
        return status;
    }

    static JobEvent event(EventReason reason, String message) {
        return new JobEvent(reason, message);
    }

    @Test
    void aJobThatStaysAsItWasRecordsNothing() {
        assertThat(quiet(following("RUNNING", Phase.Running), new Outcome.Nothing())).isEmpty();
        assertThat(quiet(following("RUNNING", Phase.Running), new Outcome.Held("ControlPending", "waits"))).isEmpty();
        assertThat(quiet(following("RUNNING", Phase.Running), new Outcome.Deferred(Duration.ofSeconds(1), "later")))
                .isEmpty();
        assertThat(quiet(following("RUNNING", Phase.Running), request(ControlAction.Cancel, ControlCause.Suspend)))
                .as("a call about to be sent is reported with its answer").isEmpty();
    }

    @Test
    void aHoldThatNeedsAPersonIsReportedWhenItBeginsNotOnEveryPass() {
        LoraTrainingJobStatus running = following("RUNNING", Phase.Running);
        assertThat(quiet(running, new Outcome.Held("ActiveJob", "the config changed")))
                .containsExactly(event(EventReason.ConfigChangeWaiting, "the config changed"));
        assertThat(quiet(running, new Outcome.Held("AdoptConflict", "job-1 is followed by team/other")))
                .containsExactly(event(EventReason.AdoptConflict, "job-1 is followed by team/other"));
        LoraTrainingJobStatus waiting = following("RUNNING", Phase.Running);
        waiting.setConditions(conditions("Synced", "False", "ActiveJob", "the config changed"));
        assertThat(events(waiting, waiting, Observation.NONE, new Outcome.Held("ActiveJob", "the config changed"),
                facts(spec(), T0))).isEmpty();
    }

    @Test
    void anUnusableInputIsReportedOncePerNewProblem() {
        JobFacts noSecret = new JobFacts(spec(), 1, Verdict.no("MissingCredentials", "Secret s not found"), false, T0);
        LoraTrainingJobStatus none = notSubmitted();
        assertThat(events(null, none, Observation.NONE, new Outcome.Nothing(), noSecret))
                .containsExactly(event(EventReason.MissingCredentials, "Secret s not found"));
        LoraTrainingJobStatus reported = new LoraTrainingJobStatus();
        reported.setConditions(conditions("Accepted", "False", "MissingCredentials", "Secret s not found"));
        assertThat(events(reported, none, Observation.NONE, new Outcome.Nothing(), noSecret)).isEmpty();
        JobFacts otherKey = new JobFacts(spec(), 1, Verdict.no("MissingCredentials", "key token missing"), false, T0);
        assertThat(events(reported, none, Observation.NONE, new Outcome.Nothing(), otherKey))
                .containsExactly(event(EventReason.MissingCredentials, "key token missing"));
        LoraTrainingJobStatus wasFine = new LoraTrainingJobStatus();
        wasFine.setConditions(conditions("Accepted", "True", "Valid", "Secret s not found"));
        assertThat(events(wasFine, none, Observation.NONE, new Outcome.Nothing(), noSecret)).hasSize(1);
        assertThat(events(reported, none, Observation.NONE, new Outcome.Nothing(), facts(spec(), T0))).isEmpty();
    }

    @Test
    void waitingForADatasetIsReportedWhenTheWaitBegins() {
        JobFacts waiting = new JobFacts(spec(), 1, OK, false, T0, Duration.ZERO, true, "waiting for LoraDataset a");
        LoraTrainingJobStatus none = notSubmitted();
        assertThat(events(null, none, Observation.NONE, new Outcome.Nothing(), waiting))
                .containsExactly(event(EventReason.DatasetNotReady, "waiting for LoraDataset a; submitted once it is"));
        LoraTrainingJobStatus told = new LoraTrainingJobStatus();
        told.setConditions(conditions("DatasetsReady", "False", "DatasetNotReady", "waiting for LoraDataset a"));
        assertThat(events(told, none, Observation.NONE, new Outcome.Nothing(), waiting)).isEmpty();
        assertThat(events(null, none, Observation.NONE, new Outcome.Nothing(), facts(spec(), T0))).isEmpty();
        assertThat(events(null, following("IN_QUEUE", Phase.Pending), Observation.NONE, new Outcome.Nothing(), waiting))
                .as("submitted already").isEmpty();
    }

    @Test
    void aSubmissionIsReportedWithTheAdjustmentsAndTheRetryThatLedToIt() {
        PreparedConfig adjusted = new PreparedConfig("flux_v1", "yaml", "h1", List.of("set save.max_step_saves_to_keep"),
                1000, 250);
        Outcome.SubmissionPending retry = new Outcome.SubmissionPending("a1", T0, adjusted, GpuType.ADA_80_PLUS, 2, true);
        LoraTrainingJobStatus queued = following("IN_QUEUE", Phase.Queued);
        assertThat(events(null, queued, Observation.NONE, new Outcome.Submitted(retry, remote("IN_QUEUE", null)),
                facts(spec(), T0))).containsExactly(
                        event(EventReason.RetryingSubmission, "the retry-submission annotation names the uncertain "
                                + "attempt: submitting once more (attempt a1)"),
                        event(EventReason.ConfigAdjusted, "set save.max_step_saves_to_keep"),
                        event(EventReason.Submitted, "submitted remote job job-1 (ADA_80_PLUS x2)"),
                        event(EventReason.Queued, "remote job job-1 is IN_QUEUE (phase Queued)"));
    }

    @ParameterizedTest
    @CsvSource({
        "REFUSED, SubmissionRefused, 'no; the operator retries only after the spec or the credentials Secret changes'",
        "NOT_PROCESSED, SubmissionDeferred, 'no; will submit again'"})
    void aFailedSubmissionSaysWhatHappensNext(dev.loraoperator.trainer.Outcome outcome, EventReason reason,
            String message) {
        LoraTrainingJobStatus none = notSubmitted();
        assertThat(quiet(none, new Outcome.SubmissionFailed(pending(T0), failure(outcome, 402, "no"), "f")))
                .containsExactly(event(reason, message));
    }

    @Test
    void aRetriedSubmissionIsAnnouncedEvenWhenItFails() {
        Outcome.SubmissionPending retry = new Outcome.SubmissionPending("a1", T0, StatusFixture.CONFIG,
                GpuType.ADA_80_PLUS, 1, true);
        assertThat(quiet(notSubmitted(), new Outcome.SubmissionFailed(retry,
                failure(dev.loraoperator.trainer.Outcome.REFUSED, 402, "no"), "f"))).extracting(JobEvent::reason)
                .containsExactly(EventReason.RetryingSubmission, EventReason.SubmissionRefused);
    }

    @Test
    void anUncertainSubmissionTellsThePersonBothWaysOut() {
        LoraTrainingJobStatus uncertain = notSubmitted();
        uncertain.setSubmission(new Submission(SubmissionState.Uncertain, "a7", "2026-06-01T10:00:00Z", "h1"));
        String howTo = "the submission may have created a remote job; the operator will not submit again by itself. "
                + "If a job exists, set annotation training.lora-operator.dev/adopt-job-id=<job id>; "
                + "if not, set training.lora-operator.dev/retry-submission=a7";
        assertThat(quiet(uncertain, new Outcome.SubmissionFailed(pending(T0),
                failure(dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN, 0, "timed out"), "f")))
                .containsExactly(event(EventReason.SubmissionUncertain, "timed out. " + howTo));
        assertThat(quiet(uncertain, new Outcome.MarkedUncertain("the operator stopped while submitting")))
                .containsExactly(event(EventReason.SubmissionUncertain, howTo));
    }

    @Test
    void anAdoptionSaysWhichJobAndHow() {
        assertThat(quiet(following("RUNNING", Phase.Running),
                new Outcome.Adopted("job-7", T0, null, GpuType.ADA_80_PLUS, 1, "named by annotation")))
                .containsExactly(event(EventReason.Adopted, "following remote job job-7 named by annotation"));
    }

    @ParameterizedTest
    @CsvSource({
        "Cancel, DeadlineExceeded, DeadlineExceeded, "
                + "'activeDeadlineSeconds (60s) of active time passed; the operator canceled remote job job-1'",
        "Cancel, Suspend, CancelRequested, "
                + "'spec.suspend is true: canceled remote job job-1; set it back to false to resume from the latest checkpoint'",
        "Edit, ConfigChange, ConfigEdited, 'sent the changed config to remote job job-1'",
        "Resume, Unsuspend, Resumed, 'resumed remote job job-1 (Unsuspend)'",
        "Resume, ConfigChange, Resumed, 'resumed remote job job-1 (ConfigChange)'",
        "Resume, AutoResume, AutoResumed, 'resumed remote job job-1 (AutoResume); attempt 2 of 3'"})
    void anAcceptedCallIsReportedWithItsCause(ControlAction action, ControlCause cause, EventReason reason,
            String message) {
        LoraTrainingJobStatus next = following("RUNNING", Phase.Running);
        next.setResumeCount(2);
        var spec = resumable(3);
        spec.setActiveDeadlineSeconds(60L);
        assertThat(events(StatusCopy.of(next), next, Observation.NONE,
                new Outcome.ControlSent(request(action, cause), remote("RUNNING", null)), facts(spec, T0)))
                .containsExactly(event(reason, message));
    }

    @ParameterizedTest
    @CsvSource({
        "Cancel, REFUSED, CancelFailed, 'the cancel of remote job job-1 failed: no; will try again'",
        "Cancel, OUTCOME_UNKNOWN, CancelFailed, 'the cancel of remote job job-1 failed: no; will try again'",
        "Resume, REFUSED, ResumeFailed, 'the resume of remote job job-1 failed: no'",
        "Resume, NOT_PROCESSED, ResumeFailed, 'the resume of remote job job-1 failed: no; will try again'",
        "Edit, REFUSED, EditFailed, 'the edit of remote job job-1 failed: no'",
        "Edit, OUTCOME_UNKNOWN, EditFailed, 'the edit of remote job job-1 failed: no; will try again'"})
    void aFailedCallSaysWhetherItIsTriedAgain(ControlAction action, dev.loraoperator.trainer.Outcome outcome,
            EventReason reason, String message) {
        assertThat(quiet(following("STOPPED", Phase.Interrupted),
                new Outcome.ControlFailed(request(action, ControlCause.Unsuspend), failure(outcome, 409, "no"))))
                .containsExactly(event(reason, message));
    }

    @Test
    void aFailedReadIsReportedWhenTheViewStopsBeingCurrentNotOnEveryRetry() {
        Observation failed = Observation.failed(failure(dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN, 503, "down"));
        LoraTrainingJobStatus synced = following("RUNNING", Phase.Running);
        synced.setConditions(conditions("Synced", "True", "Synced", "mirrors"));
        LoraTrainingJobStatus next = following("RUNNING", Phase.Running);
        next.setConditions(conditions("Synced", "False", "PollFailed", "could not read remote job job-1: down"));
        assertThat(events(synced, next, failed, new Outcome.Nothing(), facts(spec(), T0)))
                .containsExactly(event(EventReason.PollFailed, "could not read remote job job-1: down"));
        assertThat(events(next, next, failed, new Outcome.Nothing(), facts(spec(), T0))).isEmpty();
        assertThat(events(synced, following("RUNNING", Phase.Running), failed, new Outcome.Nothing(), facts(spec(), T0)))
                .containsExactly(event(EventReason.PollFailed, "could not read the remote job"));
        assertThat(events(synced, next, READ_RUNNING, new Outcome.Nothing(), facts(spec(), T0))).isEmpty();
    }

    @Test
    void aStatusWordThisOperatorDoesNotKnowIsReportedWhenItAppears() {
        Observation odd = new Observation(remote("WARMING_UP", null), null, null);
        LoraTrainingJobStatus next = following("WARMING_UP", Phase.Running);
        String message = "the Trainer API reports status WARMING_UP, which this operator does not know; still "
                + "following the job (cost controls treat it as active)";
        assertThat(events(following("RUNNING", Phase.Running), next, odd, new Outcome.Nothing(), facts(spec(), T0)))
                .containsExactly(event(EventReason.UnknownRemoteStatus, message));
        assertThat(events(following("WARMING_UP", Phase.Running), next, odd, new Outcome.Nothing(), facts(spec(), T0)))
                .isEmpty();
        assertThat(events(following("RUNNING", Phase.Running), next, Observation.NONE, new Outcome.Nothing(),
                facts(spec(), T0))).as("not read this pass").isEmpty();
        assertThat(events(following("RUNNING", Phase.Running), following(null, Phase.Running), READ_RUNNING,
                new Outcome.Nothing(), facts(spec(), T0))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "Queued, IN_QUEUE, Queued", "Running, RUNNING, Running", "Succeeded, STOPPED, Succeeded",
        "Failed, FAILED, Failed", "Canceled, CANCELED, Canceled", "Suspended, CANCELED, Suspended"})
    void eachNewPhaseOfAFollowedJobIsAnEvent(Phase phase, String remote, EventReason reason) {
        LoraTrainingJobStatus next = following(remote, phase);
        assertThat(events(following("IN_QUEUE", Phase.Pending), next, READ_RUNNING, new Outcome.Nothing(),
                facts(spec(), T0))).containsExactly(event(reason,
                        "remote job job-1 is " + remote + " (phase " + phase + ")"));
    }

    @Test
    void phasesWithoutARemoteJobOrWithoutNewsAreNoEvent() {
        LoraTrainingJobStatus invalid = new LoraTrainingJobStatus();
        invalid.setPhase(Phase.Invalid);
        assertThat(quiet(invalid, new Outcome.Nothing())).isEmpty();
        LoraTrainingJobStatus suspended = new LoraTrainingJobStatus();
        suspended.setPhase(Phase.Suspended);
        assertThat(events(new LoraTrainingJobStatus(), suspended, Observation.NONE, new Outcome.Nothing(),
                facts(spec(), T0))).as("suspended before submission").isEmpty();
        assertThat(events(following("IN_QUEUE", Phase.Queued), following("WARMING_UP", Phase.Unknown),
                Observation.NONE, new Outcome.Nothing(), facts(spec(), T0))).isEmpty();
    }

    @Test
    void aFailureCarriesTheErrorButASuccessNever() {
        LoraTrainingJobStatus failed = following("FAILED", Phase.Failed);
        failed.setError(new JobError("TRAINING_ERROR", "out of memory"));
        assertThat(events(following("RUNNING", Phase.Running), failed, READ_RUNNING, new Outcome.Nothing(),
                facts(spec(), T0))).containsExactly(event(EventReason.Failed,
                        "remote job job-1 is FAILED (phase Failed): out of memory"));
        LoraTrainingJobStatus succeeded = following("STOPPED", Phase.Succeeded);
        succeeded.setError(new JobError("old", "gone"));
        assertThat(events(following("RUNNING", Phase.Running), succeeded, READ_RUNNING, new Outcome.Nothing(),
                facts(spec(), T0))).containsExactly(event(EventReason.Succeeded,
                        "remote job job-1 is STOPPED (phase Succeeded)"));
    }

    @Test
    void anInterruptionThatEndsTheJobSaysHowToContinue() {
        LoraTrainingJobStatus interrupted = following("STOPPED", Phase.Interrupted);
        interrupted.setResumeCount(2);
        assertThat(events(following("RUNNING", Phase.Running), interrupted, READ_RUNNING, new Outcome.Nothing(),
                facts(resumable(2), T0))).containsExactly(event(EventReason.Interrupted,
                        "remote job job-1 is STOPPED (phase Interrupted). The platform stopped it before the last "
                                + "step. To resume from the latest checkpoint, raise spec.autoResume.maxAttempts "
                                + "above 2 (each attempt is one resume)"));
        interrupted.setResumeCount(null);
        assertThat(events(following("RUNNING", Phase.Running), interrupted, READ_RUNNING, new Outcome.Nothing(),
                facts(spec(), T0)).get(0).message()).endsWith("raise spec.autoResume.maxAttempts above 0 "
                        + "(each attempt is one resume)");
        interrupted.setResumeCount(3);
        assertThat(JobEvents.interruptedHint(interrupted, facts(resumable(1), T0))).as("lowered since")
                .contains("above 3 ");
        interrupted.setActiveSeconds(60L);
        assertThat(events(following("RUNNING", Phase.Running), interrupted, READ_RUNNING, new Outcome.Nothing(),
                facts(withDeadline(60), T0))).containsExactly(event(EventReason.Interrupted,
                        "remote job job-1 is STOPPED (phase Interrupted). Its activeDeadlineSeconds of active time is "
                                + "used up, so it is not resumed; raise spec.activeDeadlineSeconds to let it continue"));
        assertThat(events(following("RUNNING", Phase.Running), interrupted, READ_RUNNING, new Outcome.Nothing(),
                facts(resumable(5), T0))).as("it will be resumed: no hint").containsExactly(event(
                        EventReason.Interrupted, "remote job job-1 is STOPPED (phase Interrupted)"));
    }

    @Test
    void aSuspendedJobFoundPastItsDeadlineIsReportedAsTheDeadline() {
        LoraTrainingJobStatus failed = following("CANCELED", Phase.Failed);
        failed.setLastControl(StatusFixture.control(ControlAction.Cancel, ControlCause.Suspend, ControlState.Done));
        failed.setActiveSeconds(60L);
        failed.setError(new JobError("DeadlineExceeded", "the operator will not resume remote job job-1"));
        assertThat(events(following("CANCELED", Phase.Suspended), failed, Observation.NONE, new Outcome.Nothing(),
                facts(withDeadline(60), T0))).containsExactly(event(EventReason.DeadlineExceeded,
                        "the operator will not resume remote job job-1"));
        assertThat(events(following("RUNNING", Phase.Running), failed, Observation.NONE, new Outcome.Nothing(),
                facts(withDeadline(60), T0))).as("from Running it is an ordinary failure").containsExactly(event(
                        EventReason.Failed, "remote job job-1 is CANCELED (phase Failed): the operator will not "
                                + "resume remote job job-1"));
        assertThat(events(following("CANCELED", Phase.Suspended), failed, Observation.NONE, new Outcome.Nothing(),
                facts(withDeadline(61), T0))).extracting(JobEvent::reason).containsExactly(EventReason.Failed);
    }
}
