package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.metrics.OperatorMetrics;
import dev.loraoperator.metrics.PollCadence;
import dev.loraoperator.status.ConditionType;
import dev.loraoperator.status.Conditions;
import dev.loraoperator.status.Lifecycle;
import dev.loraoperator.status.Observation;
import dev.loraoperator.status.Outcome;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.status.Times;
import java.time.Instant;
import java.util.Set;

/** What one pass tells the metrics: the phase, how fresh the view of the remote job is, and failing cancels. */
final class PassMetrics {
    private static final Set<String> CANCEL_FAILING = Set.of("CancelFailed", "CancelRefused");

    private PassMetrics() {
    }

    static void record(OperatorMetrics metrics, String uid, LoraTrainingJobStatus next, Observation observation,
            Outcome outcome, Instant now) {
        metrics.phase(uid, next.getPhase());
        PollCadence cadence = RemoteStates.of(next.getRemoteStatus()) == RemoteStates.RUNNING ? PollCadence.RUNNING
                : PollCadence.QUEUED;
        if (!Lifecycle.needsLook(next)) {
            metrics.notPolled(uid);
        } else if (observation.read()) {
            metrics.statusRead(uid, now, cadence);
        } else if (observation.failure() != null) {
            String last = next.getLastSyncTime() != null ? next.getLastSyncTime() : next.getSubmittedAt();
            metrics.statusReadFailed(uid, Times.parse(last), cadence);
        }
        boolean cancelFailed = outcome instanceof Outcome.ControlFailed failed
                && failed.request().action() == ControlAction.Cancel;
        if (cancelFailed) {
            metrics.cancelFailing(uid, true);
        } else if (!cancelStillFailing(next)) {
            metrics.cancelFailing(uid, false);
        }
    }

    private static boolean cancelStillFailing(LoraTrainingJobStatus status) {
        return Conditions.find(status.getConditions(), ConditionType.Synced.name())
                .filter(c -> Conditions.FALSE.equals(c.getStatus()))
                .map(c -> c.getReason() != null && CANCEL_FAILING.contains(c.getReason())).orElse(false);
    }
}
