package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;

/**
 * The one status function: the whole status of a LoraTrainingJob from the previous status, what this pass
 * observed, what it did, the spec and the time. Pure: no I/O, no clock of its own.
 */
public final class JobStatusFunction {
    /** lastSyncTime moves with every change, and at most this often otherwise, so idle polls write nothing. */
    static final Duration SYNC_TIME_REFRESH = Duration.ofMinutes(5);

    private JobStatusFunction() {
    }

    public static LoraTrainingJobStatus derive(LoraTrainingJobStatus previous, Observation observation,
            Outcome outcome, JobFacts facts) {
        LoraTrainingJobStatus before = previous == null ? new LoraTrainingJobStatus() : previous;
        LoraTrainingJobStatus status = StatusCopy.of(before);
        ObservationFold.apply(status, observation, facts.now());
        OutcomeFold.apply(status, outcome);
        Lifecycle.account(status, facts.now());
        PhaseRule.apply(status, before, observation, facts);
        Verdict synced = SyncRule.verdict(status, observation, outcome);
        boolean over = Lifecycle.isOver(status, facts.spec(), facts.now());
        status.setReason(ReasonRule.reason(status, facts, synced, over));
        status.setObservedGeneration(facts.generation());
        List<Conditions.Desired> desired = new ArrayList<>(ConditionRules.desired(status, facts.accepted(), synced, over));
        if (facts.usesDatasets() && status.getJobId() == null) {
            desired.add(ConditionRules.datasetsReady(facts.datasetsWaiting()));
        }
        status.setConditions(Conditions.merge(before.getConditions(), desired, facts.generation(),
                Times.format(facts.now())));
        if (progressOnly(before, status) && writtenWithin(before, facts)) {
            status.setProgress(before.getProgress()); // the next write, or a later poll, carries it
        }
        status.setLastSyncTime(syncTime(before, status, observation, facts.now()));
        return StatusBudget.fit(status);
    }

    /** Only the step count moved: worth a write at most once per progress-write interval. */
    private static boolean progressOnly(LoraTrainingJobStatus before, LoraTrainingJobStatus after) {
        if (before.getProgress() == null || StatusCopy.sameProgress(before.getProgress(), after.getProgress())) {
            return false;
        }
        LoraTrainingJobStatus a = withoutVolatile(before);
        LoraTrainingJobStatus b = withoutVolatile(after);
        a.setProgress(null);
        b.setProgress(null);
        return StatusCopy.same(a, b);
    }

    private static boolean writtenWithin(LoraTrainingJobStatus before, JobFacts facts) {
        Instant last = Times.parse(before.getLastSyncTime());
        return last != null && last.plus(facts.progressWriteInterval()).isAfter(facts.now());
    }

    private static String syncTime(LoraTrainingJobStatus before, LoraTrainingJobStatus status,
            Observation observation, Instant now) {
        String last = before.getLastSyncTime();
        if (!observation.read() || observation.job().status() == null) {
            return last;
        }
        Instant lastTime = Times.parse(last);
        boolean stale = lastTime == null || !lastTime.plus(SYNC_TIME_REFRESH).isAfter(now);
        return stale || changed(before, status) ? Times.format(now) : last;
    }

    private static boolean changed(LoraTrainingJobStatus before, LoraTrainingJobStatus after) {
        return !StatusCopy.same(withoutVolatile(before), withoutVolatile(after));
    }

    /** A copy without lastSyncTime and conditions, the fields that follow the others. */
    private static LoraTrainingJobStatus withoutVolatile(LoraTrainingJobStatus status) {
        LoraTrainingJobStatus copy = StatusCopy.of(status);
        copy.setLastSyncTime(null);
        copy.setConditions(null);
        return copy;
    }
}
