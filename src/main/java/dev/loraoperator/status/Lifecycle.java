package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import java.time.Duration;
import java.time.Instant;

/**
 * The rules about a job's life that several parts need alike: when it is over (the Finished condition, no more
 * polling), how long it has been active (the deadline), and whether its remote state can still change by itself.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    /** Over for good: nothing more happens without a spec change or a person. */
    public static boolean isOver(LoraTrainingJobStatus status, LoraTrainingJobSpec spec, Instant now) {
        Phase phase = status.getPhase();
        if (phase == Phase.Interrupted) {
            return resumesLeft(status, spec) == 0 || deadlinePassed(spec, status, now);
        }
        return phase == Phase.Succeeded || phase == Phase.Failed || phase == Phase.Canceled || phase == Phase.Invalid;
    }

    public static int resumesLeft(LoraTrainingJobStatus status, LoraTrainingJobSpec spec) {
        int used = status.getResumeCount() == null ? 0 : status.getResumeCount();
        return Math.max(0, spec.autoResumeAttempts() - used);
    }

    /**
     * True when the stored view may be out of date by itself: the job may be running, a control is not yet
     * confirmed, or the last look failed. Otherwise the remote job cannot change without a request from us.
     */
    public static boolean needsLook(LoraTrainingJobStatus status) {
        if (status.getJobId() == null) {
            return false;
        }
        ControlRecord last = status.getLastControl();
        boolean unconfirmed = last != null
                && (last.getState() == ControlState.Requested || last.getState() == ControlState.Sent);
        return unconfirmed || !RemoteStates.of(status.getRemoteStatus()).isTerminal() || SyncReasons.faulty(status);
    }

    /** Queued, running, or in a state this operator does not know (which may cost money): time counts. */
    static boolean countsAsActive(LoraTrainingJobStatus status) {
        RemoteStates remote = RemoteStates.of(status.getRemoteStatus());
        return status.getJobId() != null && status.getRemoteStatus() != null
                && (remote.isActive() || remote == RemoteStates.UNRECOGNIZED);
    }

    /** Active time so far, summed over resumes, including the current stretch. */
    public static Duration activeTime(LoraTrainingJobStatus status, Instant now) {
        long seconds = status.getActiveSeconds() == null ? 0 : status.getActiveSeconds();
        Instant since = Times.parse(status.getActiveSince());
        Duration current = since == null || now.isBefore(since) ? Duration.ZERO : Duration.between(since, now);
        return Duration.ofSeconds(seconds).plus(current);
    }

    /** Time left before activeDeadlineSeconds is used up, or null when there is no deadline. */
    public static Duration untilDeadline(LoraTrainingJobSpec spec, LoraTrainingJobStatus status, Instant now) {
        if (spec.getActiveDeadlineSeconds() == null) {
            return null;
        }
        return Duration.ofSeconds(spec.getActiveDeadlineSeconds()).minus(activeTime(status, now));
    }

    public static boolean deadlinePassed(LoraTrainingJobSpec spec, LoraTrainingJobStatus status, Instant now) {
        Duration left = untilDeadline(spec, status, now);
        return left != null && (left.isZero() || left.isNegative());
    }

    /** Starts or closes the current active stretch to match the remote state now recorded in the status. */
    static void account(LoraTrainingJobStatus status, Instant now) {
        Instant since = Times.parse(status.getActiveSince());
        if (countsAsActive(status)) {
            if (since == null) {
                // A status written before active time was tracked: count from the submission, as deadlines did then.
                boolean legacy = status.getActiveSeconds() == null && status.getSubmittedAt() != null;
                status.setActiveSince(legacy ? status.getSubmittedAt() : Times.format(now));
                if (status.getActiveSeconds() == null) {
                    status.setActiveSeconds(0L);
                }
            }
        } else if (since != null) {
            long total = (status.getActiveSeconds() == null ? 0 : status.getActiveSeconds())
                    + Math.max(0, Duration.between(since, now).toSeconds());
            status.setActiveSeconds(total);
            status.setActiveSince(null);
        }
    }
}
