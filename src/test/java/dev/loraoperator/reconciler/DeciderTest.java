package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.AutoResume;
import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.status.Observation;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.Outcome;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.TrainerException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one decision of a pass, case by case: what is sent, and what is not. */
class DeciderTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final PreparedConfig CONFIG = config("flux_v1", "h1");

    static PreparedConfig config(String name, String hash) {
        return new PreparedConfig(name, "yaml", hash, List.of(), 1000, 250);
    }

    static LoraTrainingJobSpec spec() {
        LoraTrainingJobSpec spec = new LoraTrainingJobSpec();
        spec.setGpuType(GpuType.ADA_80_PLUS);
        return spec;
    }

    static LoraTrainingJobStatus submitted(String remoteStatus, Phase phase) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        Submission submission = new Submission(SubmissionState.Succeeded, "a1", "2026-06-01T11:00:00Z", "h1");
        submission.setConfigName("flux_v1");
        submission.setGpuType(GpuType.ADA_80_PLUS);
        submission.setGpuCount(1);
        status.setSubmission(submission);
        status.setJobId("job-1");
        status.setRemoteStatus(remoteStatus);
        status.setPhase(phase);
        status.setSubmittedAt("2026-06-01T11:00:00Z");
        status.setActiveSince("2026-06-01T11:59:00Z");
        status.setActiveSeconds(0L);
        return status;
    }

    static ControlRecord control(ControlAction action, ControlCause cause, ControlState state, Instant at) {
        return new ControlRecord(action, cause, state, at.toString());
    }

    static DecisionInput.Builder input(LoraTrainingJobSpec spec, LoraTrainingJobStatus status) {
        return DecisionInput.of(spec, status, NOW).desiredConfig(CONFIG).inputFingerprint("f1");
    }

    static Decision decide(DecisionInput.Builder in) {
        return Decider.decide(in.build());
    }

    // ---- before a remote job exists

    @Test
    void aNewValidJobIsSubmitted() {
        assertThat(decide(input(spec(), new LoraTrainingJobStatus()))).isEqualTo(new Decision.Submit(false));
    }

    @Test
    void nothingIsSubmittedWhileInputsAreMissingTheConfigIsInvalidOrTheSpecSuspends() {
        LoraTrainingJobStatus none = new LoraTrainingJobStatus();
        assertThat(decide(input(spec(), none).inputsMissing(true))).isInstanceOf(Decision.Idle.class);
        assertThat(decide(input(spec(), none).configInvalid(true))).isInstanceOf(Decision.Idle.class);
        LoraTrainingJobSpec suspended = spec();
        suspended.setSuspend(true);
        assertThat(decide(input(suspended, none))).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void aPendingSubmissionWithoutAnIdIsUncertainUnlessTheAnswerIsRemembered() {
        LoraTrainingJobStatus pending = new LoraTrainingJobStatus();
        pending.setSubmission(new Submission(SubmissionState.Pending, "a1", NOW.toString(), "h1"));
        assertThat(decide(input(spec(), pending))).isInstanceOf(Decision.MarkUncertain.class);
        assertThat(decide(input(spec(), pending).rememberedJobId("job-9")))
                .isInstanceOfSatisfying(Decision.Adopt.class, a -> assertThat(a.jobId()).isEqualTo("job-9"));
    }

    @Test
    void anAdoptionOfAJobIdAnotherResourceRecordsIsHeldAsAdoptConflict() {
        LoraTrainingJobStatus none = new LoraTrainingJobStatus();
        assertThat(decide(input(spec(), none).adoptJobId("job-7").adoptJobHeldBy("team/other")))
                .isInstanceOfSatisfying(Decision.Hold.class, h -> {
                    assertThat(h.reason()).isEqualTo("AdoptConflict");
                    assertThat(h.message()).contains("job-7", "team/other");
                });
        assertThat(decide(input(spec(), none).adoptJobId("job-7"))).isInstanceOf(Decision.Adopt.class);
    }

    @Test
    void aSubmissionStateThisVersionCannotReadIsUncertainNeverASubmit() {
        LoraTrainingJobStatus newer = new LoraTrainingJobStatus();
        newer.setSubmission(new Submission(null, "a1", NOW.toString(), "h1")); // e.g. "Submitting", read as null
        assertThat(decide(input(spec(), newer))).isInstanceOfSatisfying(Decision.MarkUncertain.class,
                u -> assertThat(u.why()).contains("a1", "cannot read"));
    }

    @Test
    void anUncertainSubmissionWaitsForTheRetryAnnotationNamingThatAttempt() {
        LoraTrainingJobStatus uncertain = new LoraTrainingJobStatus();
        uncertain.setSubmission(new Submission(SubmissionState.Uncertain, "a1", NOW.toString(), "h1"));
        assertThat(decide(input(spec(), uncertain))).isInstanceOf(Decision.Idle.class);
        assertThat(decide(input(spec(), uncertain).retryAttemptId("other"))).isInstanceOf(Decision.Idle.class);
        assertThat(decide(input(spec(), uncertain).retryAttemptId("a1"))).isEqualTo(new Decision.Submit(true));
    }

    @Test
    void theAdoptAnnotationWinsOverSubmittingAndOverAnUncertainAttempt() {
        LoraTrainingJobStatus uncertain = new LoraTrainingJobStatus();
        uncertain.setSubmission(new Submission(SubmissionState.Uncertain, "a1", NOW.toString(), "h1"));
        assertThat(decide(input(spec(), uncertain).adoptJobId("job-5")))
                .isInstanceOfSatisfying(Decision.Adopt.class, a -> assertThat(a.jobId()).isEqualTo("job-5"));
    }

    @Test
    void aRefusedSubmissionIsRetriedOnlyWhenTheInputsChanged() {
        LoraTrainingJobStatus refused = new LoraTrainingJobStatus();
        Submission submission = new Submission(SubmissionState.Failed, "a1", NOW.toString(), "h1");
        submission.setInputFingerprint("f1");
        refused.setSubmission(submission);
        assertThat(decide(input(spec(), refused))).isInstanceOf(Decision.Idle.class);
        assertThat(decide(input(spec(), refused).inputFingerprint("f2"))).isEqualTo(new Decision.Submit(false));
    }

    // ---- steering an existing job

    @Test
    void aRunningJobIsFollowedWithoutAnyCall() {
        assertThat(decide(input(spec(), submitted("RUNNING", Phase.Running)))).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void suspendCancelsAnActiveOrUnknownJobButNotAnEndedOne() {
        LoraTrainingJobSpec suspend = spec();
        suspend.setSuspend(true);
        Decision.Send cancel = new Decision.Send(ControlAction.Cancel, ControlCause.Suspend);
        assertThat(decide(input(suspend, submitted("RUNNING", Phase.Running)))).isEqualTo(cancel);
        assertThat(decide(input(suspend, submitted("IN_QUEUE", Phase.Queued)))).isEqualTo(cancel);
        assertThat(decide(input(suspend, submitted("WARMING_UP", Phase.Running)))).isEqualTo(cancel);
        assertThat(decide(input(suspend, submitted("STOPPED", Phase.Succeeded)))).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void theDeadlineCancelsEvenWhenThisReadFailed() {
        LoraTrainingJobSpec capped = spec();
        capped.setActiveDeadlineSeconds(30L); // active since 11:59, now 12:00
        Observation failed = Observation.failed(new TrainerException(Operation.STATUS, Outcome.OUTCOME_UNKNOWN, 503,
                "503", "unavailable", null));
        assertThat(decide(input(capped, submitted("RUNNING", Phase.Running)).observation(failed)))
                .isEqualTo(new Decision.Send(ControlAction.Cancel, ControlCause.DeadlineExceeded));
        capped.setActiveDeadlineSeconds(61L);
        assertThat(decide(input(capped, submitted("RUNNING", Phase.Running)))).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void aConfigChangeIsNotHeldOnAViewThatFailedToRefresh() {
        Observation failed = Observation.failed(new TrainerException(Operation.STATUS, Outcome.OUTCOME_UNKNOWN, 503,
                "503", "unavailable", null));
        assertThat(decide(input(spec(), submitted("RUNNING", Phase.Running)).desiredConfig(config("flux_v1", "h2"))
                .observation(failed))).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void aResumeIsNotSentWithoutAFreshView() {
        LoraTrainingJobSpec resumable = spec();
        resumable.setAutoResume(new AutoResume(1));
        Observation failed = Observation.failed(new TrainerException(Operation.STATUS, Outcome.OUTCOME_UNKNOWN, 503,
                "503", "unavailable", null));
        LoraTrainingJobStatus stopped = submitted("STOPPED", Phase.Interrupted);
        assertThat(decide(input(resumable, stopped))).isEqualTo(new Decision.Send(ControlAction.Resume,
                ControlCause.AutoResume));
        assertThat(decide(input(resumable, stopped).observation(failed))).isInstanceOf(Decision.Idle.class);
        RemoteJob noStatus = new RemoteJob("job-1", null, null, null, null, null, null, null);
        assertThat(decide(input(resumable, stopped).observation(new Observation(noStatus, null, null))))
                .isInstanceOf(Decision.Idle.class);
    }

    @Test
    void autoResumeStopsAtMaxAttemptsAndNeverResumesFailedOrCanceledJobs() {
        LoraTrainingJobSpec resumable = spec();
        resumable.setAutoResume(new AutoResume(2));
        LoraTrainingJobStatus used = submitted("STOPPED", Phase.Interrupted);
        used.setResumeCount(2);
        assertThat(decide(input(resumable, used))).isInstanceOf(Decision.Idle.class);
        assertThat(decide(input(resumable, submitted("FAILED", Phase.Failed)))).isInstanceOf(Decision.Idle.class);
        assertThat(decide(input(resumable, submitted("CANCELED", Phase.Canceled)))).isInstanceOf(Decision.Idle.class);
        assertThat(decide(input(resumable, submitted("STOPPED", Phase.Succeeded)))).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void unsuspendingResumesTheJobTheSuspensionCanceled() {
        LoraTrainingJobStatus suspended = submitted("CANCELED", Phase.Suspended);
        suspended.setLastControl(control(ControlAction.Cancel, ControlCause.Suspend, ControlState.Done, NOW));
        assertThat(decide(input(spec(), suspended))).isEqualTo(new Decision.Send(ControlAction.Resume,
                ControlCause.Unsuspend));
        LoraTrainingJobSpec stillSuspended = spec();
        stillSuspended.setSuspend(true);
        assertThat(decide(input(stillSuspended, suspended))).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void aSentCallIsNotRepeatedWithinTheGracePeriodButAnUnknownCancelIs() {
        LoraTrainingJobSpec suspend = spec();
        suspend.setSuspend(true);
        LoraTrainingJobStatus sent = submitted("RUNNING", Phase.Running);
        sent.setLastControl(control(ControlAction.Cancel, ControlCause.Suspend, ControlState.Sent, NOW.minusSeconds(10)));
        assertThat(decide(input(suspend, sent))).isInstanceOfSatisfying(Decision.Hold.class,
                h -> assertThat(h.reason()).isEqualTo("ControlPending"));
        sent.getLastControl().setAt(NOW.minus(Decider.CONFIRMATION_GRACE).toString());
        assertThat(decide(input(suspend, sent))).isEqualTo(new Decision.Send(ControlAction.Cancel, ControlCause.Suspend));
        LoraTrainingJobStatus unknown = submitted("RUNNING", Phase.Running);
        unknown.setLastControl(control(ControlAction.Cancel, ControlCause.Suspend, ControlState.Requested, NOW));
        assertThat(decide(input(suspend, unknown))).isEqualTo(new Decision.Send(ControlAction.Cancel,
                ControlCause.Suspend));
        LoraTrainingJobStatus resuming = submitted("STOPPED", Phase.Interrupted);
        resuming.setLastControl(control(ControlAction.Resume, ControlCause.AutoResume, ControlState.Requested, NOW));
        assertThat(decide(input(spec(), resuming))).isInstanceOf(Decision.Hold.class);
    }

    @Test
    void aResumeNeverSeenToTakeEffectIsSentAgainAfterTheGraceForTheSameCause() {
        // recorded (the operator crashed before the POST, or the POST's outcome was unknown), and the job still stopped
        Instant late = NOW.minus(Decider.CONFIRMATION_GRACE);
        LoraTrainingJobSpec once = spec();
        once.setAutoResume(new AutoResume(1));
        LoraTrainingJobStatus stopped = submitted("STOPPED", Phase.Interrupted);
        stopped.setResumeCount(1); // counted when it was recorded
        stopped.setLastControl(control(ControlAction.Resume, ControlCause.AutoResume, ControlState.Requested, late));
        assertThat(decide(input(once, stopped))).isEqualTo(new Decision.Send(ControlAction.Resume,
                ControlCause.AutoResume));
        LoraTrainingJobStatus unsuspended = submitted("CANCELED", Phase.Canceled);
        unsuspended.setLastControl(control(ControlAction.Resume, ControlCause.Unsuspend, ControlState.Sent, late));
        assertThat(decide(input(spec(), unsuspended))).isEqualTo(new Decision.Send(ControlAction.Resume,
                ControlCause.Unsuspend));
        // it did take effect, unseen, and the job finished meanwhile: nothing to resume
        LoraTrainingJobStatus finished = submitted("STOPPED", Phase.Succeeded);
        finished.setLastControl(control(ControlAction.Resume, ControlCause.AutoResume, ControlState.Sent, late));
        assertThat(decide(input(once, finished))).isInstanceOf(Decision.Idle.class);
        LoraTrainingJobStatus edited = submitted("STOPPED", Phase.Succeeded);
        edited.setLastControl(control(ControlAction.Resume, ControlCause.ConfigChange, ControlState.Requested, late));
        assertThat(decide(input(spec(), edited))).isInstanceOf(Decision.Idle.class);
    }

    @Test
    void aConfigChangeWaitsForAnActiveJobThenEditsThenResumes() {
        PreparedConfig changed = config("flux_v1", "h2");
        assertThat(decide(input(spec(), submitted("RUNNING", Phase.Running)).desiredConfig(changed)))
                .isInstanceOfSatisfying(Decision.Hold.class, h -> assertThat(h.reason()).isEqualTo("ActiveJob"));
        assertThat(decide(input(spec(), submitted("STOPPED", Phase.Interrupted)).desiredConfig(changed)))
                .isEqualTo(new Decision.Send(ControlAction.Edit, ControlCause.ConfigChange));
        LoraTrainingJobStatus edited = submitted("STOPPED", Phase.Interrupted);
        edited.getSubmission().setConfigHash("h2");
        edited.setLastControl(control(ControlAction.Edit, ControlCause.ConfigChange, ControlState.Done, NOW));
        assertThat(decide(input(spec(), edited).desiredConfig(changed)))
                .isEqualTo(new Decision.Send(ControlAction.Resume, ControlCause.ConfigChange));
    }

    @Test
    void aRenamedConfigIsHeldNotSent() {
        assertThat(decide(input(spec(), submitted("STOPPED", Phase.Succeeded)).desiredConfig(config("other", "h3"))))
                .isInstanceOfSatisfying(Decision.Hold.class, h -> assertThat(h.reason()).isEqualTo("ConfigNameChanged"));
    }

    @Test
    void aRefusedResumeIsNotRepeatedWithTheSameInputsButARefusedCancelIs() {
        LoraTrainingJobStatus refusedResume = submitted("CANCELED", Phase.Suspended);
        ControlRecord resume = control(ControlAction.Resume, ControlCause.Unsuspend, ControlState.Refused, NOW);
        resume.setInputFingerprint("f1");
        refusedResume.setLastControl(resume);
        assertThat(decide(input(spec(), refusedResume))).isInstanceOfSatisfying(Decision.Hold.class,
                h -> assertThat(h.reason()).isEqualTo("ResumeRefused"));
        assertThat(decide(input(spec(), refusedResume).inputFingerprint("f2")))
                .isEqualTo(new Decision.Send(ControlAction.Resume, ControlCause.Unsuspend));
        LoraTrainingJobSpec suspend = spec();
        suspend.setSuspend(true);
        LoraTrainingJobStatus refusedCancel = submitted("RUNNING", Phase.Running);
        ControlRecord cancel = control(ControlAction.Cancel, ControlCause.Suspend, ControlState.Refused, NOW);
        cancel.setInputFingerprint("f1");
        refusedCancel.setLastControl(cancel);
        assertThat(decide(input(suspend, refusedCancel))).isEqualTo(new Decision.Send(ControlAction.Cancel,
                ControlCause.Suspend));
    }

    @Test
    void withoutCredentialsNothingIsSentAndTheReasonIsHeld() {
        LoraTrainingJobSpec suspend = spec();
        suspend.setSuspend(true);
        assertThat(decide(input(suspend, submitted("RUNNING", Phase.Running)).credentialsProblem("no Secret")))
                .isEqualTo(new Decision.Hold("MissingCredentials", "no Secret"));
    }

    @Test
    void aSpecThatBreaksARuleStillGetsItsCancelButNeverAResume() {
        LoraTrainingJobSpec resumable = spec();
        resumable.setAutoResume(new AutoResume(2));
        assertThat(decide(input(resumable, submitted("STOPPED", Phase.Interrupted)).configInvalid(true)))
                .isInstanceOf(Decision.Idle.class);
        LoraTrainingJobSpec suspend = spec();
        suspend.setSuspend(true);
        assertThat(decide(input(suspend, submitted("RUNNING", Phase.Running)).configInvalid(true)))
                .isEqualTo(new Decision.Send(ControlAction.Cancel, ControlCause.Suspend));
    }

    @Test
    void aSentCallWhoseActionThisVersionCannotReadIsStillWaitedFor() {
        LoraTrainingJobStatus sent = submitted("RUNNING", Phase.Running);
        sent.setLastControl(control(null, ControlCause.Suspend, ControlState.Sent, NOW.minusSeconds(10)));
        assertThat(decide(input(spec(), sent))).isInstanceOfSatisfying(Decision.Hold.class,
                h -> assertThat(h.message()).contains("the effect of the call sent at"));
        sent.setLastControl(control(ControlAction.Resume, ControlCause.Unsuspend, ControlState.Sent, NOW.minusSeconds(10)));
        assertThat(decide(input(spec(), sent))).isInstanceOfSatisfying(Decision.Hold.class,
                h -> assertThat(h.message()).contains("the effect of the resume sent at"));
    }
}
