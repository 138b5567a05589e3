package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.settings.OperatorSettings;
import java.time.Duration;
import java.util.Optional;

/** When to look at a job again: queued jobs less often than running ones, finished jobs never. */
public final class PollSchedule {
    private PollSchedule() {
    }

    public static Optional<Duration> next(Phase phase, boolean synced, OperatorSettings.Poll poll) {
        if (!synced) {
            return Optional.of(poll.retryInterval());
        }
        if (phase == null) {
            return Optional.of(poll.retryInterval());
        }
        return switch (phase) {
            case Queued, Pending -> Optional.of(poll.queuedInterval());
            case Running -> Optional.of(poll.runningInterval());
            case Succeeded, Failed, Canceled, Interrupted, Suspended, Invalid, Unknown -> Optional.empty();
        };
    }
}
