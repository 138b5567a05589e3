package dev.loraoperator.simulator;

import java.time.Instant;
import java.util.List;

/** An immutable copy of a job taken under its lock, so one answer never mixes two moments. */
record JobState(String id, JobConfig config, String status, int step, Object error, Instant createdAt,
        Instant startedAt, Instant finishedAt, String gpuType, int gpuCount, List<String> checkpoints,
        List<String> samples) {

    String name() {
        return config.name();
    }
}
