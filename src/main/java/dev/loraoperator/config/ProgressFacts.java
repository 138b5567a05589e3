package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads train.steps and save.save_every of the first process, with AI Toolkit's defaults (trainer-api.md 4.2). */
final class ProgressFacts {
    static final long DEFAULT_STEPS = 1000;
    static final long DEFAULT_SAVE_EVERY = 1000;

    private ProgressFacts() {
    }

    static long totalSteps(JsonNode config) {
        return positive(firstProcess(config).path("train").path("steps"), DEFAULT_STEPS);
    }

    static long saveEvery(JsonNode config) {
        return positive(firstProcess(config).path("save").path("save_every"), DEFAULT_SAVE_EVERY);
    }

    private static JsonNode firstProcess(JsonNode config) {
        return config.path("config").path("process").path(0);
    }

    private static long positive(JsonNode value, long fallback) {
        long number = value.canConvertToLong() ? value.asLong() : value.isTextual() ? value.asLong(fallback) : fallback;
        return number > 0 ? number : fallback;
    }
}
