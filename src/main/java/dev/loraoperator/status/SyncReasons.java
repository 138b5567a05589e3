package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import java.util.Set;

/** Which Synced=False reasons are faults (retried with backoff) rather than states a person must change. */
public final class SyncReasons {
    private static final Set<String> FAULTS = Set.of("PollFailed", "RemoteJobNotFound", "IncompleteAnswer",
            "CancelFailed", "CancelRefused", "ResumeFailed", "EditFailed");

    private SyncReasons() {
    }

    public static boolean isFault(String reason) {
        return reason != null && FAULTS.contains(reason);
    }

    /** The stored Synced condition reports a fault: the view may be stale, look again. */
    public static boolean faulty(LoraTrainingJobStatus status) {
        return Conditions.find(status.getConditions(), ConditionType.Synced.name())
                .filter(c -> Conditions.FALSE.equals(c.getStatus())).map(c -> isFault(c.getReason())).orElse(false);
    }
}
