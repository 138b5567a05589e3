package dev.loraoperator.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A config ready to submit: the YAML text sent, its hash, config.name, what the operator changed, the two numbers
 * progress tracking needs (train.steps and save.save_every of the first process, AI Toolkit defaults when left out),
 * and the RunComfy dataset names put in for LoraDatasets, by folder name.
 */
public record PreparedConfig(String name, String yaml, String hash, List<String> adjustments, long totalSteps,
        long saveEvery, Map<String, String> datasets) {

    public PreparedConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(hash, "hash");
        adjustments = List.copyOf(adjustments);
        datasets = Map.copyOf(datasets);
    }

    /** A config that names no LoraDataset. */
    public PreparedConfig(String name, String yaml, String hash, List<String> adjustments, long totalSteps,
            long saveEvery) {
        this(name, yaml, hash, adjustments, totalSteps, saveEvery, Map.of());
    }
}
