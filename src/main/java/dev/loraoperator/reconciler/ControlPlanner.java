package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.status.RemoteStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides how to steer a submitted job (suspend, deadline, auto-resume, config edits) from the spec and the
 * remote state just observed; no I/O, no clock. Each intent leads to at most one call: a recorded request
 * is confirmed by what the API reports before anything is sent again.
 */
public final class ControlPlanner {
    /** How long a recorded call may take to show in the remote status before it may be sent again. */
    static final Duration CONFIRMATION_GRACE = Duration.ofMinutes(2);

    private ControlPlanner() {
    }

    public static Control decide(ControlInput in) {
        LoraTrainingJobSpec spec = in.spec();
        LoraTrainingJobStatus status = in.status();
        RemoteStates remote = RemoteStates.of(status.getRemoteStatus());
        ControlRecord last = status.getLastControl();
        if (last != null && last.getState() == ControlState.Requested) {
            if (tookEffect(last, remote)) {
                return Control.confirm();
            }
            if (Instant.parse(last.getAt()).plus(CONFIRMATION_GRACE).isAfter(in.now())) {
                return Control.waiting("ControlPending", "waiting for the Trainer API to apply the "
                        + last.getAction().name().toLowerCase() + " sent at " + last.getAt());
            }
        }
        boolean deadlinePassed = deadlinePassed(spec, status, in.now());
        if (remote.isActive()) {
            if (deadlinePassed) {
                return call(ControlAction.Cancel, ControlCause.DeadlineExceeded, last, in);
            }
            if (spec.suspendRequested()) {
                return call(ControlAction.Cancel, ControlCause.Suspend, last, in);
            }
            return configChanged(in) ? Control.waiting("ActiveJob", "the config changed while remote job "
                    + status.getJobId() + " is " + status.getRemoteStatus() + "; it is sent (edit, then resume) once "
                    + "the job stops. To apply it now, set spec.suspend: true (cancels the job), then back to false")
                    : Control.NONE;
        }
        if (!remote.isTerminal()) {
            return Control.NONE;
        }
        if (configChanged(in)) {
            if (!Objects.equals(in.desiredConfigName(), submittedName(status))) {
                return Control.blocked("ConfigNameChanged", "config.name cannot change for an existing remote job "
                        + "(the API forbids it): it is " + submittedName(status) + ", the spec now says "
                        + in.desiredConfigName() + ". Restore the name, or create a new LoraTrainingJob");
            }
            return call(ControlAction.Edit, ControlCause.ConfigChange, last, in);
        }
        if (spec.suspendRequested() || deadlinePassed) {
            return Control.NONE;
        }
        ControlCause resumeCause = resumeCause(spec, status, last);
        return resumeCause == null ? Control.NONE : call(ControlAction.Resume, resumeCause, last, in);
    }

    /** The cause that calls for a resume now, if any: never for jobs that finished, failed or a user canceled. */
    private static ControlCause resumeCause(LoraTrainingJobSpec spec, LoraTrainingJobStatus status,
            ControlRecord last) {
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
        int resumed = status.getResumeCount() == null ? 0 : status.getResumeCount();
        boolean stoppedEarly = status.getPhase() == Phase.Interrupted
                && RemoteStates.of(status.getRemoteStatus()) == RemoteStates.STOPPED;
        return stoppedEarly && resumed < spec.autoResumeAttempts() ? ControlCause.AutoResume : null;
    }

    /** A refused call is not repeated with the same inputs: the API would refuse it again. */
    private static Control call(ControlAction action, ControlCause cause, ControlRecord last, ControlInput in) {
        if (last != null && last.getState() == ControlState.Refused && last.is(action, cause)
                && Objects.equals(last.getInputFingerprint(), in.controlFingerprint())) {
            return Control.blocked(action + "Refused", "the Trainer API refused the " + action.name().toLowerCase()
                    + ": " + last.getMessage() + "; change the spec to try again");
        }
        return Control.call(action, cause);
    }

    private static boolean tookEffect(ControlRecord last, RemoteStates remote) {
        return switch (last.getAction()) {
            case Cancel -> remote.isTerminal();
            case Resume -> remote.isActive();
            case Edit -> false; // invisible in the status: resent after the grace period (an edit is idempotent)
        };
    }

    static boolean configChanged(ControlInput in) {
        String submitted = in.status().getSubmission() == null ? null : in.status().getSubmission().getConfigHash();
        return in.desiredConfigHash() != null && submitted != null && !in.desiredConfigHash().equals(submitted);
    }

    private static String submittedName(LoraTrainingJobStatus status) {
        return status.getSubmission() == null ? null : status.getSubmission().getConfigName();
    }

    public static boolean deadlinePassed(LoraTrainingJobSpec spec, LoraTrainingJobStatus status, Instant now) {
        Instant deadline = deadline(spec, status);
        return deadline != null && !now.isBefore(deadline);
    }

    /** Submission time plus activeDeadlineSeconds, from the stored status, so it holds across restarts. */
    public static Instant deadline(LoraTrainingJobSpec spec, LoraTrainingJobStatus status) {
        if (spec.getActiveDeadlineSeconds() == null || status.getSubmittedAt() == null) {
            return null;
        }
        return Instant.parse(status.getSubmittedAt()).plusSeconds(spec.getActiveDeadlineSeconds());
    }
}
