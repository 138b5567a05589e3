package dev.loraoperator.config;

import java.util.List;
import java.util.Objects;

/** A config ready to submit: the YAML text sent, its hash, config.name, and what the operator changed. */
public record PreparedConfig(String name, String yaml, String hash, List<String> adjustments) {

    public PreparedConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(hash, "hash");
        adjustments = List.copyOf(adjustments);
    }
}
