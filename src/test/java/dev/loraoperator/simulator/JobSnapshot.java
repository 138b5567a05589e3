package dev.loraoperator.simulator;

import java.time.Instant;

/**
 * What a test may want to know about a job at one moment; {@code status} is spelled as the API would answer.
 * {@code finishedAt} is when the timeline put the job in its final state (null while it has none), the simulator's
 * own record of the moment the benchmark measures staleness from.
 */
public record JobSnapshot(String id, String name, String status, int step, int totalSteps, String gpuType,
        int gpuCount, String configYaml, Instant createdAt, Instant finishedAt, int checkpoints) {

    static JobSnapshot of(JobState s) {
        return new JobSnapshot(s.id(), s.name(), s.status(), s.step(), s.config().totalSteps(), s.gpuType(),
                s.gpuCount(), s.config().yaml(), s.createdAt(), s.finishedAt(), s.checkpoints().size());
    }
}
