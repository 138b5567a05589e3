package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;

/** Decides what a reconcile does, from the stored status and what was just read; no I/O, no clock. */
public final class Planner {
    private Planner() {
    }

    public static Action plan(PlanInput in) {
        LoraTrainingJobStatus status = in.status();
        if (status.getJobId() != null) {
            return isSettled(status, in) ? Action.IDLE : Action.FOLLOW;
        }
        if (in.adoptJobId() != null) {
            return Action.ADOPT;
        }
        Submission submission = status.getSubmission();
        SubmissionState state = submission == null ? null : submission.getState();
        if (state == SubmissionState.Pending) {
            // Pending is written before the POST; finding it here means the answer was never recorded.
            return Action.MARK_UNCERTAIN;
        }
        if (state == SubmissionState.Uncertain && !retryAllowed(submission, in.retryAttemptId())) {
            return Action.AWAIT_PERSON;
        }
        if (in.inputsMissing()) {
            return Action.AWAIT_INPUT;
        }
        if (in.configInvalid()) {
            return Action.REJECT_CONFIG;
        }
        if (in.suspend()) {
            return Action.HOLD_SUSPENDED;
        }
        if (state == SubmissionState.Failed && in.inputFingerprint() != null
                && in.inputFingerprint().equals(submission.getInputFingerprint())) {
            return Action.HOLD_REFUSED;
        }
        return Action.SUBMIT;
    }

    /** The retry annotation acts once: only while it names the attempt that is uncertain now. */
    static boolean retryAllowed(Submission submission, String retryAttemptId) {
        return retryAttemptId != null && retryAttemptId.equals(submission.getAttemptId());
    }

    /** Over, recorded and in sync: polling again would only spend API calls. */
    static boolean isSettled(LoraTrainingJobStatus status, PlanInput in) {
        Phase phase = status.getPhase();
        boolean over = phase == Phase.Succeeded || phase == Phase.Failed || phase == Phase.Canceled
                || phase == Phase.Interrupted || phase == Phase.Suspended;
        return over && in.synced() && !in.remoteWorkPending();
    }
}
