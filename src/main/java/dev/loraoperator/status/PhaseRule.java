package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.trainer.RemoteError;
import java.util.Objects;

/** The one place the phase is decided: from the submission record, the remote state, the spec and the deadline. */
final class PhaseRule {
    static final String DEADLINE = "DeadlineExceeded";
    static final String INVALID = "InvalidConfig";

    private PhaseRule() {
    }

    static Phase phase(LoraTrainingJobStatus status, LoraTrainingJobStatus previous, Observation observation,
            JobFacts facts) {
        return status.getJobId() == null ? beforeSubmission(status, facts)
                : remote(status, previous, observation, facts);
    }

    /** Sets the phase, and the error that goes with a phase the operator itself decided. */
    static void apply(LoraTrainingJobStatus status, LoraTrainingJobStatus previous, Observation observation,
            JobFacts facts) {
        Phase phase = phase(status, previous, observation, facts);
        status.setPhase(phase);
        JobError error = status.getError();
        if (phase == Phase.Invalid) {
            status.setError(new JobError(INVALID, facts.accepted().message()));
        } else if (error != null && INVALID.equals(error.getCode())) {
            status.setError(null);
        } else if (phase == Phase.Succeeded) {
            status.setError(null);
        }
        if (phase == Phase.Failed && failedByDeadline(status, facts)
                && (status.getError() == null || !DEADLINE.equals(status.getError().getCode()))) {
            status.setError(new JobError(DEADLINE, "activeDeadlineSeconds (" + facts.spec().getActiveDeadlineSeconds()
                    + "s) of active time passed; the operator " + (operatorCancel(status) == ControlCause.DeadlineExceeded
                            ? "canceled" : "will not resume") + " remote job " + status.getJobId()));
        }
    }

    private static Phase beforeSubmission(LoraTrainingJobStatus status, JobFacts facts) {
        SubmissionState state = status.getSubmission() == null ? null : status.getSubmission().getState();
        if (state == SubmissionState.Pending) {
            return Phase.Pending;
        }
        if (state == SubmissionState.Uncertain) {
            return Phase.Unknown;
        }
        if (facts.configInvalid()) {
            return Phase.Invalid;
        }
        if (facts.spec().suspendRequested()) {
            return Phase.Suspended;
        }
        return state == SubmissionState.Failed ? Phase.Failed : Phase.Pending;
    }

    private static Phase remote(LoraTrainingJobStatus status, LoraTrainingJobStatus previous, Observation observation,
            JobFacts facts) {
        RemoteStates remote = RemoteStates.of(status.getRemoteStatus());
        // A STOPPED job's success depends on /result's error, which is read only on a change: keep the verdict.
        boolean keepVerdict = remote == RemoteStates.STOPPED && observation.result() == null
                && Objects.equals(previous.getRemoteStatus(), status.getRemoteStatus())
                && (previous.getPhase() == Phase.Succeeded || previous.getPhase() == Phase.Interrupted)
                // Why the operator canceled is read from the last control, which a later edit or resume replaces:
                // a job it suspended (or failed for the deadline) stays so until the remote job moves again.
                || remote == RemoteStates.CANCELED && operatorCancel(status) == null
                        && (previous.getPhase() == Phase.Suspended || previous.getPhase() == Phase.Failed);
        RemoteError resultError = observation.result() == null ? null : observation.result().error();
        Phase phase = keepVerdict ? previous.getPhase()
                : PhaseMapper.phaseOf(status.getRemoteStatus(), status.getProgress(), resultError,
                        operatorCancel(status), previous.getPhase());
        // Suspended, then unsuspended with the active time used up: it will not be resumed, so it failed.
        if (phase == Phase.Suspended && !facts.spec().suspendRequested()
                && Lifecycle.deadlinePassed(facts.spec(), status, facts.now())) {
            return Phase.Failed;
        }
        return phase;
    }

    /** Canceled by the operator for the deadline, or suspended and then found past it: never resumed again. */
    static boolean failedByDeadline(LoraTrainingJobStatus status, JobFacts facts) {
        if (RemoteStates.of(status.getRemoteStatus()) != RemoteStates.CANCELED) {
            return false;
        }
        ControlCause cause = operatorCancel(status);
        return cause == ControlCause.DeadlineExceeded
                || cause == ControlCause.Suspend && Lifecycle.deadlinePassed(facts.spec(), status, facts.now());
    }

    /** Why the operator itself canceled the job, if it did: that decides Suspended or Failed instead of Canceled. */
    static ControlCause operatorCancel(LoraTrainingJobStatus status) {
        ControlRecord last = status.getLastControl();
        return last != null && last.getAction() == ControlAction.Cancel && last.getState() != ControlState.Refused
                ? last.getCause() : null;
    }
}
