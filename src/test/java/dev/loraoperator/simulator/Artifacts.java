package dev.loraoperator.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntToLongFunction;

/** The files a simulated AI Toolkit run has written, named and pruned as AI Toolkit does (trainer-api.md §4.4). */
final class Artifacts {

    private record Sample(long epochMillis, int step, int index) {
    }

    // Not thread-safe on its own: SimJob calls it under the job's lock.
    private final Deque<Integer> stepCheckpoints = new ArrayDeque<>();
    private final List<Sample> samples = new ArrayList<>();
    private Integer finalStep;

    /**
     * Records saves and samples for every step in (from, to]. The last step is left to {@link #finish},
     * because AI Toolkit writes the final model without a step suffix.
     */
    void passed(int from, int to, JobConfig config, IntToLongFunction epochMillisOfStep) {
        int end = Math.min(to, config.totalSteps() - 1);
        for (int s = nextMultiple(from, config.saveEvery()); s <= end; s += config.saveEvery()) {
            stepCheckpoints.addLast(s);
            // like max_step_saves_to_keep: only the newest step checkpoints survive
            while (stepCheckpoints.size() > config.keepSteps()) {
                stepCheckpoints.removeFirst();
            }
        }
        for (int s = nextMultiple(from, config.sampleEvery()); s <= end; s += config.sampleEvery()) {
            addSamples(s, config.prompts(), epochMillisOfStep.applyAsLong(s));
        }
    }

    /** AI Toolkit samples once before training starts; a run resumed from step 0 does not repeat it here. */
    void baseline(JobConfig config, long epochMillis) {
        if (samples.stream().noneMatch(s -> s.step() == 0)) {
            addSamples(0, config.prompts(), epochMillis);
        }
    }

    void finish(JobConfig config, long epochMillis) {
        finalStep = config.totalSteps();
        addSamples(config.totalSteps(), config.prompts(), epochMillis);
    }

    /** The step a resume restarts from: AI Toolkit picks its newest checkpoint file, or starts over. */
    int latestCheckpointStep() {
        int newestStep = stepCheckpoints.isEmpty() ? 0 : stepCheckpoints.getLast();
        return finalStep == null ? newestStep : Math.max(newestStep, finalStep);
    }

    List<String> checkpointFiles(String name) {
        List<String> files = new ArrayList<>();
        stepCheckpoints.forEach(s -> files.add(String.format("%s_%09d.safetensors", name, s)));
        if (finalStep != null) {
            files.add(name + ".safetensors");
        }
        return files;
    }

    List<String> sampleFiles() {
        return samples.stream()
                .map(s -> String.format("samples/%d__%09d_%d.jpg", s.epochMillis(), s.step(), s.index()))
                .toList();
    }

    private void addSamples(int step, int prompts, long epochMillis) {
        for (int i = 0; i < prompts; i++) {
            samples.add(new Sample(epochMillis, step, i));
        }
    }

    private static int nextMultiple(int after, int every) {
        return (after / every + 1) * every;
    }
}
