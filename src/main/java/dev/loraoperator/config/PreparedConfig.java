package dev.loraoperator.config;

import java.util.List;
import java.util.Objects;

/**
 * A config ready to submit: the YAML text sent, its hash, config.name, what the operator changed, and the two
 * numbers progress tracking needs (train.steps and save.save_every of the first process, AI Toolkit defaults when
 * left out).
 */
public record PreparedConfig(String name, String yaml, String hash, List<String> adjustments, long totalSteps,
        long saveEvery) {

    public PreparedConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(hash, "hash");
        adjustments = List.copyOf(adjustments);
    }
}
