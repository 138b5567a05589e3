package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The rules a config must pass before submit; returns a normalized deep copy and never mutates its input. */
final class ConfigRules {

    private ConfigRules() {
    }

    /**
     * Checks every rule and reports all problems together, because a user fixing a config one error per
     * reconcile would wait a round trip for each.
     */
    static NormalizedConfig apply(JsonNode input) throws InvalidConfigException {
        if (input == null || !input.isObject()) {
            throw InvalidConfigException.of("the config must be a mapping (got " + JsonShapes.describe(input) + ")");
        }
        ObjectNode root = ((ObjectNode) input).deepCopy();
        Findings findings = new Findings();
        JsonShapes.requireText(root, "job", "job", findings);
        ObjectNode config = JsonShapes.requireMapping(root, "config", "config", findings);
        String name = null;
        if (config != null) {
            name = JsonShapes.requireText(config, "name", "config.name", findings);
            checkProcesses(config, findings);
        }
        findings.throwIfProblems();
        return new NormalizedConfig(root, name, findings.adjustments());
    }

    private static void checkProcesses(ObjectNode config, Findings findings) {
        JsonNode process = config.get("process");
        if (JsonShapes.isAbsent(process)) {
            findings.problem("config.process is required");
        } else if (!process.isArray()) {
            findings.problem("config.process must be a list (got " + JsonShapes.describe(process) + ")");
        } else if (process.isEmpty()) {
            findings.problem("config.process must have at least one entry");
        } else {
            for (int i = 0; i < process.size(); i++) {
                checkProcess(process.get(i), ConfigPath.index("config.process", i), findings);
            }
        }
    }

    private static void checkProcess(JsonNode entry, String path, Findings findings) {
        if (!entry.isObject()) {
            findings.problem(path + " must be a mapping (got " + JsonShapes.describe(entry) + ")");
            return;
        }
        ObjectNode process = (ObjectNode) entry;
        JsonShapes.requireText(process, "type", path + ".type", findings);
        ObjectNode model = JsonShapes.requireMapping(process, "model", path + ".model", findings);
        if (model != null) {
            JsonShapes.requireText(model, "name_or_path", path + ".model.name_or_path", findings);
        }
        TrainingFolderRule.apply(process, path, findings);
        DatasetFolderRule.apply(process, path, findings);
    }
}
