package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The status of a resource whose deletion waits on its remote job: Synced=False saying why, all else kept. */
public final class DeletionStatus {
    private DeletionStatus() {
    }

    /** A copy of {@code previous} whose Synced condition and reason say what holds the deletion up. */
    public static LoraTrainingJobStatus blocked(LoraTrainingJobStatus previous, String reason, String message,
            long generation, Instant now) {
        LoraTrainingJobStatus next = StatusCopy.of(previous == null ? new LoraTrainingJobStatus() : previous);
        String synced = ConditionType.Synced.name();
        List<JobCondition> conditions = new ArrayList<>(next.getConditions() == null ? List.of() : next.getConditions());
        JobCondition blocked = Conditions.merge(conditions, List.of(new Conditions.Desired(synced, false, reason,
                message)), generation, Times.format(now)).get(0);
        conditions.replaceAll(c -> synced.equals(c.getType()) ? blocked : c);
        if (!conditions.contains(blocked)) {
            conditions.add(blocked);
        }
        next.setConditions(conditions);
        next.setReason(reason);
        return next;
    }
}
