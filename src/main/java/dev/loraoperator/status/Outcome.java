package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.TrainerException;
import java.time.Duration;
import java.time.Instant;

/** What one pass did (at most one remote change), as the status function folds it into the status. */
public sealed interface Outcome {

    /** Nothing to do: the remote job, if any, is followed as observed. */
    record Nothing() implements Outcome {
    }

    /**
     * Something stands in the way of the next step and the user should know: a change that waits for the job, a
     * refused call not repeated, missing inputs, a control not yet visible.
     *
     * @param reason CamelCase reason for the Synced condition
     */
    record Held(String reason, String message) implements Outcome {
    }

    /** Nothing was sent, and nothing needs recording: try again after {@code retryAfter} (rate limit, no connection). */
    record Deferred(Duration retryAfter, String message) implements Outcome {
    }

    /** A submission about to be sent: recorded (state Pending) before the POST. */
    record SubmissionPending(String attemptId, Instant at, PreparedConfig config, GpuType gpuType, int gpuCount,
            boolean retry) implements Outcome {
    }

    /** The POST answered with a job id. */
    record Submitted(SubmissionPending attempt, RemoteJob remote) implements Outcome {
    }

    /** The POST failed; {@code failure.outcome()} says whether it may have created a job. */
    record SubmissionFailed(SubmissionPending attempt, TrainerException failure, String inputFingerprint)
            implements Outcome {
    }

    /** A submission whose outcome is unknown ({@code why}): found Pending without a job id, or unreadable. */
    record MarkedUncertain(String why) implements Outcome {
    }

    /** The user named a remote job to follow (annotation adopt-job-id), or a lost answer was recovered. */
    record Adopted(String jobId, Instant at, PreparedConfig config, GpuType gpuType, int gpuCount, String how)
            implements Outcome {
    }

    /** A cancel, resume or edit about to be sent: recorded (state Requested) before the call. */
    record ControlRequested(ControlAction action, ControlCause cause, Instant at, String inputFingerprint,
            PreparedConfig config, GpuType gpuType, int gpuCount) implements Outcome {
    }

    /** The API accepted the call; {@code answer.status()} may already show its effect. */
    record ControlSent(ControlRequested request, RemoteJob answer) implements Outcome {
    }

    /** The call failed; {@code failure.outcome()} says whether it may have taken effect. */
    record ControlFailed(ControlRequested request, TrainerException failure) implements Outcome {
    }
}
