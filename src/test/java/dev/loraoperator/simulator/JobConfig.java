package dev.loraoperator.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The parts of an AI Toolkit YAML that the simulator needs: the job name and the numbers that drive its timeline. */
record JobConfig(String yaml, String name, int totalSteps, int saveEvery, int sampleEvery, int keepSteps,
        int prompts) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads config.name and config.process[0]; the other AI Toolkit keys are the real trainer's business. */
    static JobConfig parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid("config_file is not valid YAML: " + e.getOriginalMessage());
        }
        JsonNode config = root == null ? YAML.missingNode() : root.path("config");
        JsonNode name = config.path("name");
        if (!name.isTextual() || name.textValue().isBlank()) {
            throw ApiError.invalid("config.name is required");
        }
        JsonNode process = config.path("process").path(0);
        JsonNode prompts = process.path("sample").path("prompts");
        return new JobConfig(yaml, name.textValue(),
                positive(process.path("train").path("steps"), 1000, "train.steps"),
                // AI Toolkit defaults to 1000/100; 250 gives short simulated runs several checkpoints
                positive(process.path("save").path("save_every"), 250, "save.save_every"),
                positive(process.path("sample").path("sample_every"), 250, "sample.sample_every"),
                positive(process.path("save").path("max_step_saves_to_keep"), 4, "save.max_step_saves_to_keep"),
                prompts.isArray() && !prompts.isEmpty() ? prompts.size() : 2);
    }

    private static int positive(JsonNode node, int fallback, String key) {
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() <= 0) {
            throw ApiError.invalid("config.process[0]." + key + " must be a positive integer");
        }
        return node.intValue();
    }
}
