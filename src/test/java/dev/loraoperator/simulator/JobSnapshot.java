package dev.loraoperator.simulator;

/** What a test may want to know about a job at one moment; {@code status} is spelled as the API would answer. */
public record JobSnapshot(String id, String name, String status, int step, int totalSteps, String gpuType,
        int gpuCount, String configYaml) {

    static JobSnapshot of(JobState s) {
        return new JobSnapshot(s.id(), s.name(), s.status(), s.step(), s.config().totalSteps(), s.gpuType(),
                s.gpuCount(), s.config().yaml());
    }
}
