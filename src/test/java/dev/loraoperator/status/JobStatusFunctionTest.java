package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.CONFIG;
import static dev.loraoperator.status.StatusFixture.OK;
import static dev.loraoperator.status.StatusFixture.T0;
import static dev.loraoperator.status.StatusFixture.condition;
import static dev.loraoperator.status.StatusFixture.facts;
import static dev.loraoperator.status.StatusFixture.pending;
import static dev.loraoperator.status.StatusFixture.reason;
import static dev.loraoperator.status.StatusFixture.remote;
import static dev.loraoperator.status.StatusFixture.spec;
import static dev.loraoperator.status.StatusFixture.submittedAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.AutoResume;
import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import dev.loraoperator.trainer.TrainerException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole status from (previous status, observation, outcome, spec, now), without a cluster. */
class JobStatusFunctionTest {
    @Test
    void aSubmissionRecordsTheJobIdTheConfigFactsAndStartsCountingActiveTime() {
        LoraTrainingJobStatus status = submittedAt(T0);
        assertThat(status.getJobId()).isEqualTo("job-1");
        assertThat(status.getPhase()).isEqualTo(Phase.Queued);
        assertThat(status.getSubmission().getState()).isEqualTo(SubmissionState.Succeeded);
        assertThat(status.getSubmission().getTotalSteps()).isEqualTo(1000L);
        assertThat(status.getSubmission().getSaveEvery()).isEqualTo(250L);
        assertThat(status.getActiveSince()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(status.getObservedGeneration()).isEqualTo(3L);
        assertThat(condition(status, ConditionType.Submitted)).isEqualTo("True");
        assertThat(condition(status, ConditionType.Finished)).isEqualTo("False");
    }

    @Test
    void aPendingRecordIsPhasePendingAndAnUnknownOutcomeIsPhaseUnknown() {
        LoraTrainingJobStatus pending = JobStatusFunction.derive(null, Observation.NONE, pending(T0), facts(spec(), T0));
        assertThat(pending.getPhase()).isEqualTo(Phase.Pending);
        assertThat(pending.getReason()).isEqualTo("Submitting");
        LoraTrainingJobStatus unknown = JobStatusFunction.derive(null, Observation.NONE,
                new Outcome.SubmissionFailed(pending(T0), new TrainerException(Operation.SUBMIT,
                        dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN, 0, null, "timeout", null), "f"),
                facts(spec(), T0));
        assertThat(unknown.getPhase()).isEqualTo(Phase.Unknown);
        assertThat(unknown.getSubmission().getState()).isEqualTo(SubmissionState.Uncertain);
        assertThat(reason(unknown, ConditionType.Submitted)).isEqualTo("SubmissionUncertain");
        assertThat(condition(unknown, ConditionType.Finished)).isEqualTo("False");
    }

    @Test
    void aSubmissionNeverSentLeavesNoRecord() {
        LoraTrainingJobStatus status = JobStatusFunction.derive(null, Observation.NONE,
                new Outcome.SubmissionFailed(pending(T0), new TrainerException(Operation.SUBMIT,
                        dev.loraoperator.trainer.Outcome.NOT_PROCESSED, 429, "429", "rate limited", Duration.ofSeconds(5)),
                        "f"), facts(spec(), T0));
        assertThat(status.getSubmission()).isNull();
        assertThat(status.getPhase()).isEqualTo(Phase.Pending);
    }

    @Test
    void aRefusalFailsTheJobWithTheApisErrorAndTheInputsItWasMadeWith() {
        LoraTrainingJobStatus status = JobStatusFunction.derive(null, Observation.NONE,
                new Outcome.SubmissionFailed(pending(T0), new TrainerException(Operation.SUBMIT,
                        dev.loraoperator.trainer.Outcome.REFUSED, 402, "40251", "insufficient funds", null), "f9"),
                facts(spec(), T0));
        assertThat(status.getPhase()).isEqualTo(Phase.Failed);
        assertThat(status.getError().getCode()).isEqualTo("40251");
        assertThat(status.getSubmission().getInputFingerprint()).isEqualTo("f9");
        assertThat(condition(status, ConditionType.Finished)).isEqualTo("True");
        assertThat(status.getReason()).isEqualTo("JobFailed");
    }

    @Test
    void anInvalidConfigIsInvalidFinishedAndSaysWhy() {
        JobFacts invalid = new JobFacts(spec(), 1, Verdict.no("InvalidConfig", "config.name is required"), true, T0);
        LoraTrainingJobStatus status = JobStatusFunction.derive(null, Observation.NONE, new Outcome.Nothing(), invalid);
        assertThat(status.getPhase()).isEqualTo(Phase.Invalid);
        assertThat(status.getError().getMessage()).isEqualTo("config.name is required");
        assertThat(condition(status, ConditionType.Accepted)).isEqualTo("False");
        assertThat(condition(status, ConditionType.Finished)).isEqualTo("True");
        LoraTrainingJobStatus fixed = JobStatusFunction.derive(status, Observation.NONE, new Outcome.Nothing(),
                facts(spec(), T0));
        assertThat(fixed.getPhase()).isEqualTo(Phase.Pending);
        assertThat(fixed.getError()).isNull();
    }

    @Test
    void aStoppedJobSucceedsOnlyWithEveryStepDoneAndNoResultError() {
        LoraTrainingJobStatus queued = submittedAt(T0);
        RemoteResult clean = new RemoteResult("STOPPED", null, List.of("https://x/flux_v1.safetensors"), List.of(), null);
        LoraTrainingJobStatus done = JobStatusFunction.derive(queued,
                new Observation(remote("STOPPED", 1000L), clean, null), new Outcome.Nothing(), facts(spec(), T0));
        assertThat(done.getPhase()).isEqualTo(Phase.Succeeded);
        assertThat(condition(done, ConditionType.Succeeded)).isEqualTo("True");
        assertThat(done.getFinishedAt()).isEqualTo("2026-06-01T10:00:00Z");
        LoraTrainingJobStatus early = JobStatusFunction.derive(queued,
                new Observation(remote("STOPPED", 400L), clean, null), new Outcome.Nothing(), facts(spec(), T0));
        assertThat(early.getPhase()).isEqualTo(Phase.Interrupted);
        assertThat(condition(early, ConditionType.Finished)).isEqualTo("True"); // no resume allowed
    }

    @Test
    void activeTimeStopsWhileTheJobIsNotActiveAndAddsUpOverResumes() {
        LoraTrainingJobStatus running = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(), facts(spec(), T0.plusSeconds(30)));
        LoraTrainingJobStatus stopped = JobStatusFunction.derive(running,
                new Observation(remote("STOPPED", 400L), null, null), new Outcome.Nothing(), facts(spec(), T0.plusSeconds(100)));
        assertThat(stopped.getActiveSeconds()).isEqualTo(100L);
        assertThat(stopped.getActiveSince()).isNull();
        LoraTrainingJobStatus resumed = JobStatusFunction.derive(stopped,
                new Observation(remote("RUNNING", 400L), null, null), new Outcome.Nothing(), facts(spec(), T0.plusSeconds(5000)));
        assertThat(Lifecycle.activeTime(resumed, T0.plusSeconds(5020))).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aCancelTheOperatorSentForTheDeadlineFailsTheJobWithThatReason() {
        LoraTrainingJobSpec capped = spec();
        capped.setActiveDeadlineSeconds(60L);
        LoraTrainingJobStatus running = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(), facts(capped, T0.plusSeconds(10)));
        var request = new Outcome.ControlRequested(ControlAction.Cancel, ControlCause.DeadlineExceeded,
                T0.plusSeconds(61), "f", CONFIG, GpuType.ADA_80_PLUS, 1);
        LoraTrainingJobStatus canceled = JobStatusFunction.derive(running, Observation.NONE,
                new Outcome.ControlSent(request, remote("CANCELED", null)), facts(capped, T0.plusSeconds(61)));
        assertThat(canceled.getPhase()).isEqualTo(Phase.Failed);
        assertThat(canceled.getError().getCode()).isEqualTo("DeadlineExceeded");
        assertThat(canceled.getLastControl().getState()).isEqualTo(ControlState.Done);
        assertThat(reason(canceled, ConditionType.Failed)).isEqualTo("DeadlineExceeded");
        assertThat(canceled.getReason()).isEqualTo("DeadlineExceeded");
    }

    @Test
    void aResumeAnsweredWithoutStatusIsSentAndCountsAnAttempt() {
        LoraTrainingJobSpec resumable = spec();
        resumable.setAutoResume(new AutoResume(2));
        LoraTrainingJobStatus stopped = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("STOPPED", 400L), null, null), new Outcome.Nothing(), facts(resumable, T0));
        assertThat(stopped.getPhase()).isEqualTo(Phase.Interrupted);
        assertThat(condition(stopped, ConditionType.Finished)).isEqualTo("False");
        assertThat(stopped.getReason()).isEqualTo("Resuming");
        var request = new Outcome.ControlRequested(ControlAction.Resume, ControlCause.AutoResume, T0, "f", CONFIG,
                GpuType.ADA_80_PLUS, 1);
        LoraTrainingJobStatus sent = JobStatusFunction.derive(stopped, Observation.NONE,
                new Outcome.ControlSent(request, new RemoteJob("job-1", null, null, null, null, null, null, null)),
                facts(resumable, T0));
        assertThat(sent.getLastControl().getState()).isEqualTo(ControlState.Sent);
        assertThat(sent.getResumeCount()).isEqualTo(1);
        LoraTrainingJobStatus confirmed = JobStatusFunction.derive(sent,
                new Observation(remote("IN_QUEUE", null), null, null), new Outcome.Nothing(), facts(resumable, T0));
        assertThat(confirmed.getLastControl().getState()).isEqualTo(ControlState.Done);
        assertThat(confirmed.getPhase()).isEqualTo(Phase.Queued);
    }

    @Test
    void aResumeSentAgainBecauseItsEffectNeverShowedCountsNoSecondAttempt() {
        LoraTrainingJobSpec once = spec();
        once.setAutoResume(new AutoResume(1));
        LoraTrainingJobStatus stopped = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("STOPPED", 400L), null, null), new Outcome.Nothing(), facts(once, T0));
        var request = new Outcome.ControlRequested(ControlAction.Resume, ControlCause.AutoResume, T0, "f", CONFIG,
                GpuType.ADA_80_PLUS, 1);
        LoraTrainingJobStatus recorded = JobStatusFunction.derive(stopped, Observation.NONE, request, facts(once, T0));
        assertThat(recorded.getResumeCount()).isEqualTo(1);
        var again = new Outcome.ControlRequested(ControlAction.Resume, ControlCause.AutoResume, T0.plusSeconds(180),
                "f", CONFIG, GpuType.ADA_80_PLUS, 1);
        LoraTrainingJobStatus resent = JobStatusFunction.derive(recorded,
                new Observation(remote("STOPPED", 400L), null, null), again, facts(once, T0.plusSeconds(180)));
        assertThat(resent.getResumeCount()).isEqualTo(1);
        assertThat(resent.getLastControl().getAt()).isEqualTo(T0.plusSeconds(180).toString());
    }

    @Test
    void aFailedReadKeepsWhatWasKnownAndSaysSo() {
        LoraTrainingJobStatus running = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(), facts(spec(), T0));
        LoraTrainingJobStatus failed = JobStatusFunction.derive(running, Observation.failed(new TrainerException(
                Operation.STATUS, dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN, 503, "503", "unavailable", null)),
                new Outcome.Nothing(), facts(spec(), T0.plusSeconds(20)));
        assertThat(failed.getPhase()).isEqualTo(Phase.Running);
        assertThat(failed.getRemoteStatus()).isEqualTo("RUNNING");
        assertThat(reason(failed, ConditionType.Synced)).isEqualTo("PollFailed");
        assertThat(failed.getLastSyncTime()).isEqualTo(running.getLastSyncTime());
        assertThat(SyncReasons.faulty(failed)).isTrue();
        assertThat(Lifecycle.needsLook(failed)).isTrue();
    }

    @Test
    void anUnchangedObservationChangesNothingSoNothingIsWritten() {
        LoraTrainingJobStatus running = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(), facts(spec(), T0));
        LoraTrainingJobStatus again = JobStatusFunction.derive(running,
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(), facts(spec(), T0.plusSeconds(20)));
        assertThat(StatusCopy.same(running, again)).isTrue();
        LoraTrainingJobStatus stale = JobStatusFunction.derive(running,
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(), facts(spec(), T0.plusSeconds(301)));
        assertThat(stale.getLastSyncTime()).isEqualTo("2026-06-01T10:05:01Z");
    }

    @Test
    void progressAloneIsWrittenAtMostOncePerIntervalButAnythingElseAtOnce() {
        Duration interval = Duration.ofSeconds(60);
        LoraTrainingJobStatus running = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(),
                new JobFacts(spec(), 3, OK, false, T0, interval));
        LoraTrainingJobStatus soon = JobStatusFunction.derive(running, new Observation(remote("RUNNING", 20L), null, null),
                new Outcome.Nothing(), new JobFacts(spec(), 3, OK, false, T0.plusSeconds(20), interval));
        assertThat(StatusCopy.same(running, soon)).as("nothing to write 20 s later").isTrue();
        LoraTrainingJobStatus later = JobStatusFunction.derive(running, new Observation(remote("RUNNING", 30L), null, null),
                new Outcome.Nothing(), new JobFacts(spec(), 3, OK, false, T0.plusSeconds(60), interval));
        assertThat(later.getProgress().getCurrentStep()).isEqualTo(30L);
        assertThat(later.getLastSyncTime()).isEqualTo("2026-06-01T10:01:00Z");
        LoraTrainingJobStatus stopped = JobStatusFunction.derive(running,
                new Observation(remote("STOPPED", 400L), null, null), new Outcome.Nothing(),
                new JobFacts(spec(), 3, OK, false, T0.plusSeconds(5), interval));
        assertThat(stopped.getPhase()).isEqualTo(Phase.Interrupted);
        assertThat(stopped.getProgress().getCurrentStep()).isEqualTo(400L);
    }

    @Test
    void theFirstProgressIsWrittenAtOnce() {
        Duration interval = Duration.ofSeconds(60);
        LoraTrainingJobStatus queued = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("IN_QUEUE", null), null, null), new Outcome.Nothing(),
                new JobFacts(spec(), 3, OK, false, T0, interval));
        assertThat(queued.getProgress()).isNull();
        assertThat(queued.getLastSyncTime()).isEqualTo("2026-06-01T10:00:00Z");
        LoraTrainingJobStatus running = JobStatusFunction.derive(queued, new Observation(remote("RUNNING", 10L), null,
                null), new Outcome.Nothing(), new JobFacts(spec(), 3, OK, false, T0.plusSeconds(20), interval));
        assertThat(running.getProgress().getCurrentStep()).isEqualTo(10L);
    }

    @Test
    void conditionsKeepTheirTransitionTimeWhileTheirStatusStays() {
        LoraTrainingJobStatus queued = submittedAt(T0);
        LoraTrainingJobStatus running = JobStatusFunction.derive(queued,
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(), facts(spec(), T0.plusSeconds(60)));
        JobCondition submitted = Conditions.find(running.getConditions(), "Submitted").orElseThrow();
        JobCondition run = Conditions.find(running.getConditions(), "Running").orElseThrow();
        assertThat(submitted.getLastTransitionTime()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(run.getLastTransitionTime()).isEqualTo("2026-06-01T10:01:00Z");
    }

    @Test
    void anUnknownRemoteStatusKeepsThePhaseAndIsReported() {
        LoraTrainingJobStatus running = JobStatusFunction.derive(submittedAt(T0),
                new Observation(remote("RUNNING", 10L), null, null), new Outcome.Nothing(), facts(spec(), T0));
        LoraTrainingJobStatus odd = JobStatusFunction.derive(running,
                new Observation(remote("WARMING_UP", null), null, null), new Outcome.Nothing(), facts(spec(), T0));
        assertThat(odd.getPhase()).isEqualTo(Phase.Running);
        assertThat(odd.getRemoteStatus()).isEqualTo("WARMING_UP");
        assertThat(reason(odd, ConditionType.Synced)).isEqualTo("UnknownRemoteStatus");
        assertThat(odd.getActiveSince()).as("an unknown state counts as active for the deadline").isNotNull();
    }

    @Test
    void aJobThatNamesLoraDatasetsSaysWhetherTheyAreReady() {
        JobFacts waiting = new JobFacts(spec(), 1, OK, false, T0, Duration.ZERO, true, "waiting for LoraDataset corgis");
        LoraTrainingJobStatus status = JobStatusFunction.derive(null, Observation.NONE, new Outcome.Nothing(), waiting);
        assertThat(condition(status, ConditionType.DatasetsReady)).isEqualTo("False");
        assertThat(reason(status, ConditionType.DatasetsReady)).isEqualTo("DatasetNotReady");
        assertThat(status.getReason()).isEqualTo("DatasetNotReady");
        assertThat(status.getPhase()).isEqualTo(Phase.Pending);
        JobFacts ready = new JobFacts(spec(), 1, OK, false, T0, Duration.ZERO, true, null);
        LoraTrainingJobStatus after = JobStatusFunction.derive(status, Observation.NONE, new Outcome.Nothing(), ready);
        assertThat(condition(after, ConditionType.DatasetsReady)).isEqualTo("True");
        assertThat(after.getReason()).isNull();
        LoraTrainingJobStatus none = JobStatusFunction.derive(null, Observation.NONE, new Outcome.Nothing(), facts(spec(), T0));
        assertThat(condition(none, ConditionType.DatasetsReady)).as("only for jobs that name datasets").isNull();
    }
}
