package dev.loraoperator.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A config that passed the rules: the copy to submit, its config.name, and what the rules changed. */
record NormalizedConfig(ObjectNode config, String name, List<String> adjustments) {

    NormalizedConfig {
        adjustments = List.copyOf(adjustments);
    }
}
