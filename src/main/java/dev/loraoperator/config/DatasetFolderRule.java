package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/** Checks config.process[].datasets[].folder_path against where RunComfy mounts datasets, expanding bare names. */
final class DatasetFolderRule {

    static final String PREFIX = "/app/ai-toolkit/datasets/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final String EXPECTED =
            "must be " + PREFIX + "<name> or just <name>, where <name> has only letters, digits, '_' and '-'";

    private DatasetFolderRule() {
    }

    static void apply(ObjectNode process, String processPath, Findings findings) {
        String path = processPath + ".datasets";
        JsonNode datasets = process.get("datasets");
        if (JsonShapes.isAbsent(datasets)) {
            return;
        }
        if (!datasets.isArray()) {
            findings.problem(path + " must be a list (got " + JsonShapes.describe(datasets) + ")");
            return;
        }
        for (int i = 0; i < datasets.size(); i++) {
            String datasetPath = ConfigPath.index(path, i);
            JsonNode dataset = datasets.get(i);
            if (dataset.isObject()) {
                checkFolder((ObjectNode) dataset, datasetPath + ".folder_path", findings);
            } else {
                findings.problem(datasetPath + " must be a mapping (got " + JsonShapes.describe(dataset) + ")");
            }
        }
    }

    private static void checkFolder(ObjectNode dataset, String path, Findings findings) {
        JsonNode value = dataset.get("folder_path");
        if (JsonShapes.isAbsent(value)) {
            findings.problem(path + " is required and " + EXPECTED);
        } else if (!value.isTextual()) {
            findings.problem(path + " " + EXPECTED + " (got " + JsonShapes.describe(value) + ")");
        } else if (isMountPath(value.textValue())) {
            return;
        } else if (NAME.matcher(value.textValue()).matches()) {
            dataset.put("folder_path", PREFIX + value.textValue());
            findings.adjusted(path + " expanded to " + PREFIX + value.textValue());
        } else {
            // Only the named dataset is mounted; "..", nested folders or other roots would read nothing.
            findings.problem(path + " " + EXPECTED + " (got " + ConfigPath.quote(value.textValue()) + ")");
        }
    }

    private static boolean isMountPath(String folder) {
        return folder.startsWith(PREFIX) && NAME.matcher(folder.substring(PREFIX.length())).matches();
    }
}
