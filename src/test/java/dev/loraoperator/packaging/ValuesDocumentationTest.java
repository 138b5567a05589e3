package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every key of values.yaml has a comment, is in values.schema.json, and is listed in docs/install.md. */
class ValuesDocumentationTest {
    /** Kubernetes objects passed through as a whole: their own fields are documented by Kubernetes. */
    private static final Set<String> PASS_THROUGH = Set.of("resources", "podSecurityContext", "securityContext", "affinity");

    @Test
    void everyKeyHasACommentAbove() throws IOException {
        List<String> lines = Files.readAllLines(Chart.DIR.resolve("values.yaml"));
        List<String> undocumented = new ArrayList<>();
        String topLevel = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.matches("^\\s*[A-Za-z][A-Za-z0-9]*:.*")) {
                continue;
            }
            int indent = line.indexOf(line.strip());
            if (indent == 0) {
                topLevel = line.substring(0, line.indexOf(':'));
            } else if (PASS_THROUGH.contains(topLevel)) {
                continue;
            }
            if (i == 0 || !lines.get(i - 1).strip().startsWith("#")) {
                undocumented.add((i + 1) + ": " + line.strip());
            }
        }
        assertThat(undocumented).as("values.yaml keys without a comment line above").isEmpty();
    }

    @Test
    void schemaDescribesEveryKeyAndRejectsUnknownOnes() throws IOException {
        JsonNode schema = Manifests.YAML.readTree(Files.readString(Chart.DIR.resolve("values.schema.json")));
        List<String> problems = new ArrayList<>();
        check("", schema, Values.defaults(), problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void installGuideListsEveryValue() throws IOException {
        String guide = Files.readString(java.nio.file.Path.of("docs", "install.md"));
        List<String> missing = new ArrayList<>();
        leaves("", Values.defaults(), missing, guide);
        assertThat(missing).as("values not mentioned in docs/install.md").isEmpty();
    }

    private static void check(String path, JsonNode schema, JsonNode value, List<String> problems) {
        if (!schema.hasNonNull("description") && !path.isEmpty()) {
            problems.add(path + ": no description in the schema");
        }
        if (!value.isObject() || !"object".equals(schema.path("type").asText())) {
            return;
        }
        String key = path.isEmpty() ? "" : path.substring(1);
        if (PASS_THROUGH.contains(key) || schema.path("additionalProperties").isObject()) {
            return;
        }
        if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
            problems.add(path + ": unknown keys are not rejected (additionalProperties: false)");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            JsonNode property = schema.path("properties").path(field.getKey());
            if (property.isMissingNode()) {
                problems.add(path + "." + field.getKey() + ": not in the schema");
            } else {
                check(path + "." + field.getKey(), property, field.getValue(), problems);
            }
        }
    }

    private static void leaves(String path, JsonNode value, List<String> missing, String guide) {
        String key = path.isEmpty() ? "" : path.substring(1);
        if (value.isObject() && !value.isEmpty() && !PASS_THROUGH.contains(key)
                && !key.endsWith("Probe")) {
            value.properties().forEach(e -> leaves(path + "." + e.getKey(), e.getValue(), missing, guide));
        } else if (!guide.contains("`" + key + "`")) {
            missing.add(key);
        }
    }
}
