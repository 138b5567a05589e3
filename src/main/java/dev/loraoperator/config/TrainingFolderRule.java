package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Points config.process[].training_folder at the only output folder RunComfy provides. */
final class TrainingFolderRule {

    static final String OUTPUT = "/app/ai-toolkit/output";

    private TrainingFolderRule() {
    }

    /** Fills in or replaces a relative folder (AI Toolkit examples use "output"); rejects other absolute paths. */
    static void apply(ObjectNode process, String processPath, Findings findings) {
        String path = processPath + ".training_folder";
        JsonNode value = process.get("training_folder");
        if (JsonShapes.isAbsent(value)) {
            process.put("training_folder", OUTPUT);
            findings.adjusted(path + " set to " + OUTPUT);
        } else if (!value.isTextual()) {
            findings.problem(path + " must be " + OUTPUT + " or a relative path (got "
                    + JsonShapes.describe(value) + ")");
        } else if (value.textValue().equals(OUTPUT) || value.textValue().equals(OUTPUT + "/")) {
            return;
        } else if (!value.textValue().startsWith("/")) {
            process.put("training_folder", OUTPUT);
            findings.adjusted(path + " set to " + OUTPUT + " (was " + ConfigPath.quote(value.textValue()) + ")");
        } else {
            // RunComfy collects results only from this folder; anything written elsewhere would be lost.
            findings.problem(path + " must be " + OUTPUT + " or a relative path (got "
                    + ConfigPath.quote(value.textValue()) + ")");
        }
    }
}
