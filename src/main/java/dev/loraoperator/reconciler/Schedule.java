package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.metrics.PollCadence;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.status.ConditionType;
import dev.loraoperator.status.Conditions;
import dev.loraoperator.status.Lifecycle;
import dev.loraoperator.status.Outcome;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.status.SyncReasons;
import dev.loraoperator.status.Times;
import java.time.Duration;
import java.time.Instant;

/** When to look at a job again, from the status a pass leaves behind; pure. Null means only on a change. */
final class Schedule {
    /** Never sooner than this under a fault. */
    static final Duration BACKOFF_FLOOR = Duration.ofSeconds(1);
    static final Duration BACKOFF_CAP = Duration.ofMinutes(5);
    /** "At once": the next step follows a remote change without looping inside the pass. */
    static final Duration AT_ONCE = Duration.ofMillis(1);

    private Schedule() {
    }

    /**
     * @param stretch what every poll interval is multiplied by when the rate limit cannot poll all active jobs on
     *     time ({@link PollBudget#stretch()}); 1 when it can. Deadlines, retries and backoff are never stretched.
     */
    static Duration next(LoraTrainingJobStatus status, Outcome outcome, LoraTrainingJobSpec spec,
            OperatorSettings.Poll poll, double stretch, Instant now) {
        Duration next = own(status, outcome, spec, poll, stretch, now);
        if (spec.getConfigFrom() != null) {
            // ConfigMaps are not watched (caching every ConfigMap would cost more than it saves): look again for changes.
            next = earliest(next, poll.retryInterval());
        }
        return next;
    }

    /**
     * A look the rate limit held back comes back once a slot is free (never sooner than the backoff floor), not a
     * whole poll interval later: under a burst the wait is short, and a job's end is not seen an interval late.
     */
    static Duration afterHeldBack(Duration next, Duration heldBack) {
        if (heldBack == null) {
            return next;
        }
        Duration soon = max(heldBack, BACKOFF_FLOOR);
        return next == null ? soon : earliest(next, soon);
    }

    private static Duration own(LoraTrainingJobStatus status, Outcome outcome, LoraTrainingJobSpec spec,
            OperatorSettings.Poll poll, double stretch, Instant now) {
        if (outcome instanceof Outcome.Deferred deferred) {
            return max(deferred.retryAfter(), BACKOFF_FLOOR);
        }
        if (outcome instanceof Outcome.SubmissionFailed failed
                && failed.failure().outcome() == dev.loraoperator.trainer.Outcome.NOT_PROCESSED) {
            return max(failed.failure().retryAfter().orElse(poll.retryInterval()), BACKOFF_FLOOR);
        }
        if (outcome instanceof Outcome.ControlSent || outcome instanceof Outcome.Adopted) {
            return AT_ONCE;
        }
        Duration backoff = backoff(status, now);
        if (backoff != null) {
            return backoff;
        }
        if (!Conditions.isTrue(status.getConditions(), ConditionType.Accepted.name()) && status.getJobId() == null) {
            return status.getPhase() == Phase.Invalid ? null : poll.retryInterval();
        }
        if (status.getJobId() == null) {
            return null;
        }
        if (!Conditions.isTrue(status.getConditions(), ConditionType.Synced.name())
                && "MissingCredentials".equals(syncedReason(status))) {
            return poll.retryInterval();
        }
        if (!Lifecycle.needsLook(status)) {
            return null;
        }
        RemoteStates remote = RemoteStates.of(status.getRemoteStatus());
        Duration interval = PollBudget.stretched(cadence(status) == PollCadence.QUEUED ? poll.queuedInterval()
                : poll.runningInterval(), stretch);
        Duration left = Lifecycle.untilDeadline(spec, status, now);
        if (left != null && remote.isActive()) {
            // Come back no later than the deadline itself (but never in a loop: at least the backoff floor).
            interval = earliest(interval, max(left, BACKOFF_FLOOR));
        }
        return interval;
    }

    /** The interval a polled job gets: the queued one while it waits in the queue, else the running one. */
    static PollCadence cadence(LoraTrainingJobStatus status) {
        RemoteStates remote = RemoteStates.of(status.getRemoteStatus());
        return remote == RemoteStates.IN_QUEUE || remote == RemoteStates.RESUMING ? PollCadence.QUEUED
                : PollCadence.RUNNING;
    }

    /**
     * Under a fault (a failed read or call), the wait doubles with the time the fault has lasted: 1, 2, 4, 8 ...
     * seconds, from the Synced condition's last transition, so restarts keep the pace; capped at five minutes.
     */
    static Duration backoff(LoraTrainingJobStatus status, Instant now) {
        JobCondition synced = Conditions.find(status.getConditions(), ConditionType.Synced.name()).orElse(null);
        if (synced == null || !Conditions.FALSE.equals(synced.getStatus()) || !SyncReasons.isFault(synced.getReason())) {
            return null;
        }
        Instant since = Times.parse(synced.getLastTransitionTime());
        Duration lasted = since == null || now.isBefore(since) ? Duration.ZERO : Duration.between(since, now);
        Duration wait = lasted.plus(BACKOFF_FLOOR);
        return wait.compareTo(BACKOFF_CAP) > 0 ? BACKOFF_CAP : wait;
    }

    private static String syncedReason(LoraTrainingJobStatus status) {
        return Conditions.find(status.getConditions(), ConditionType.Synced.name()).map(JobCondition::getReason)
                .orElse(null);
    }

    private static Duration earliest(Duration a, Duration b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
