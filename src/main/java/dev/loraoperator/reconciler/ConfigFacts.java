package dev.loraoperator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/** The two numbers of a submitted config that progress tracking needs: total steps and save interval. */
public record ConfigFacts(Long trainSteps, long saveEvery) {
    /** AI Toolkit's defaults when the config leaves them out (trainer-api.md section 4.2). */
    static final long DEFAULT_STEPS = 1000;
    static final long DEFAULT_SAVE_EVERY = 1000;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ConfigFacts UNKNOWN = new ConfigFacts(null, DEFAULT_SAVE_EVERY);

    /** Reads the facts from the YAML the operator itself wrote (already validated and bounded). */
    public static ConfigFacts of(String preparedYaml) {
        if (preparedYaml == null) {
            return UNKNOWN;
        }
        try {
            JsonNode process = YAML.readTree(preparedYaml).path("config").path("process").path(0);
            long steps = process.path("train").path("steps").asLong(DEFAULT_STEPS);
            long saveEvery = process.path("save").path("save_every").asLong(DEFAULT_SAVE_EVERY);
            return new ConfigFacts(steps > 0 ? steps : DEFAULT_STEPS, saveEvery > 0 ? saveEvery : DEFAULT_SAVE_EVERY);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
