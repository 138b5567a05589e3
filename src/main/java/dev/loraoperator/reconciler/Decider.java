package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.status.Lifecycle;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.status.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides, once per pass, what to do about a LoraTrainingJob: submit, adopt, send one control, hold, or nothing.
 * Pure: no I/O, no clock. Each intent leads to at most one call; a call that may have happened is confirmed by
 * what the API reports before anything is sent again.
 */
public final class Decider {
    /** How long a call may take to show in the remote status before it may be sent again. */
    static final Duration CONFIRMATION_GRACE = Duration.ofMinutes(2);

    private Decider() {
    }

    public static Decision decide(DecisionInput in) {
        return in.seen().getJobId() == null ? beforeSubmission(in) : steer(in);
    }

    private static Decision beforeSubmission(DecisionInput in) {
        LoraTrainingJobStatus status = in.seen();
        if (in.adoptJobId() != null) {
            return new Decision.Adopt(in.adoptJobId(), "named by annotation " + LoraTrainingJob.ADOPT_JOB_ID);
        }
        Submission submission = status.getSubmission();
        SubmissionState state = submission == null ? null : submission.getState();
        if (state == SubmissionState.Pending) {
            // Pending is written before the POST; finding it here means the answer was never recorded.
            return in.rememberedJobId() != null
                    ? new Decision.Adopt(in.rememberedJobId(), "recovered: submission attempt "
                            + submission.getAttemptId() + " was answered with it before the operator could record it")
                    : new Decision.MarkUncertain();
        }
        boolean retry = state == SubmissionState.Uncertain;
        if (retry && !Objects.equals(in.retryAttemptId(), submission.getAttemptId())) {
            return new Decision.Idle(); // waits for a person: the retry annotation acts once, naming this attempt
        }
        if (in.inputsMissing() || in.configInvalid() || in.spec().suspendRequested()) {
            return new Decision.Idle();
        }
        if (state == SubmissionState.Failed && in.inputFingerprint() != null
                && in.inputFingerprint().equals(submission.getInputFingerprint())) {
            return new Decision.Idle(); // refused before, and neither the spec nor the Secret changed since
        }
        return new Decision.Submit(retry);
    }

    private static Decision steer(DecisionInput in) {
        LoraTrainingJobSpec spec = in.spec();
        LoraTrainingJobStatus status = in.seen();
        if (in.credentialsProblem() != null) {
            return new Decision.Hold("MissingCredentials", in.credentialsProblem());
        }
        boolean freshView = in.observation().failure() == null
                && !(in.observation().read() && in.observation().job().status() == null);
        ControlRecord last = status.getLastControl();
        if (awaitingConfirmation(last, in.now())) {
            return new Decision.Hold("ControlPending", "waiting for the Trainer API to show the effect of the "
                    + last.getAction().name().toLowerCase() + " sent at " + last.getAt());
        }
        // Cost controls act on the last known state even when this read failed: a job that may be running is canceled.
        RemoteStates remote = RemoteStates.of(status.getRemoteStatus());
        boolean deadlinePassed = Lifecycle.deadlinePassed(spec, status, in.now());
        // Cost controls treat a status word this operator does not know as possibly active: they still cancel.
        if (remote.isActive() || remote == RemoteStates.UNRECOGNIZED && status.getRemoteStatus() != null) {
            if (deadlinePassed) {
                return new Decision.Send(ControlAction.Cancel, ControlCause.DeadlineExceeded);
            }
            if (spec.suspendRequested()) {
                return new Decision.Send(ControlAction.Cancel, ControlCause.Suspend);
            }
            if (!freshView) {
                return new Decision.Idle();
            }
            return configChanged(in) ? new Decision.Hold("ActiveJob", "the config changed while remote job "
                    + status.getJobId() + " is " + status.getRemoteStatus() + "; it is sent (edit, then resume) once "
                    + "the job stops. To apply it now, set spec.suspend: true (cancels the job), then back to false")
                    : new Decision.Idle();
        }
        if (!freshView || !remote.isTerminal()) {
            return new Decision.Idle(); // resumes and edits wait for a fresh view; the status reports the failed read
        }
        if (in.configInvalid()) {
            return new Decision.Idle(); // nothing is resumed or edited on a spec that breaks a rule (Accepted=False)
        }
        if (configChanged(in)) {
            String submitted = status.getSubmission().getConfigName();
            if (!Objects.equals(in.desiredConfig().name(), submitted)) {
                return new Decision.Hold("ConfigNameChanged", "config.name cannot change for an existing remote job "
                        + "(the API forbids it): it is " + submitted + ", the spec now says " + in.desiredConfig().name()
                        + ". Restore the name, or create a new LoraTrainingJob");
            }
            return call(ControlAction.Edit, ControlCause.ConfigChange, last, in);
        }
        if (spec.suspendRequested() || deadlinePassed) {
            return new Decision.Idle();
        }
        ControlCause resumeCause = resumeCause(spec, status, last, remote);
        return resumeCause == null ? new Decision.Idle() : call(ControlAction.Resume, resumeCause, last, in);
    }

    /**
     * A call the API accepted, or a resume or edit that may have happened, is not repeated until its effect shows or
     * the grace period ends. A cancel whose outcome is unknown is sent again at once (with backoff): repeating it
     * costs nothing, waiting may cost GPU time.
     */
    private static boolean awaitingConfirmation(ControlRecord last, Instant now) {
        boolean unconfirmed = last != null && (last.getState() == ControlState.Sent
                || last.getState() == ControlState.Requested && last.getAction() != ControlAction.Cancel);
        if (!unconfirmed) {
            return false;
        }
        Instant at = Times.parse(last.getAt());
        return at != null && at.plus(CONFIRMATION_GRACE).isAfter(now);
    }

    /** The cause that calls for a resume now, if any: never for jobs that finished, failed or a user canceled. */
    private static ControlCause resumeCause(LoraTrainingJobSpec spec, LoraTrainingJobStatus status, ControlRecord last,
            RemoteStates remote) {
        if (last != null && last.getState() != ControlState.Refused) {
            if (last.is(ControlAction.Cancel, ControlCause.Suspend)) {
                return ControlCause.Unsuspend;
            }
            if (last.getAction() == ControlAction.Edit) {
                return ControlCause.ConfigChange;
            }
        }
        if (last != null && last.getState() == ControlState.Refused && last.getAction() == ControlAction.Resume
                && last.getCause() != ControlCause.AutoResume) {
            return last.getCause(); // repeated only if the inputs changed; see call()
        }
        if (last != null && last.getAction() == ControlAction.Resume && last.getCause() != ControlCause.AutoResume
                && (last.getState() == ControlState.Requested || last.getState() == ControlState.Sent)) {
            return last.getCause(); // not seen to take effect within the grace period (a lost request?): again
        }
        boolean stoppedEarly = status.getPhase() == Phase.Interrupted && remote == RemoteStates.STOPPED;
        return stoppedEarly && Lifecycle.resumesLeft(status, spec) > 0 ? ControlCause.AutoResume : null;
    }

    /**
     * A refused resume or edit is not repeated with the same inputs: the API would refuse it again. A refused cancel
     * is: the job may still be running and costing money, so it is read again and retried with backoff.
     */
    private static Decision call(ControlAction action, ControlCause cause, ControlRecord last, DecisionInput in) {
        if (last != null && last.getState() == ControlState.Refused && last.is(action, cause)
                && Objects.equals(last.getInputFingerprint(), in.inputFingerprint())) {
            return new Decision.Hold(action + "Refused", "the Trainer API refused the " + action.name().toLowerCase()
                    + ": " + last.getMessage() + "; change the spec to try again");
        }
        return new Decision.Send(action, cause);
    }

    static boolean configChanged(DecisionInput in) {
        Submission submission = in.seen().getSubmission();
        String submitted = submission == null ? null : submission.getConfigHash();
        return in.desiredConfig() != null && submitted != null && !in.desiredConfig().hash().equals(submitted);
    }
}
