package dev.loraoperator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart's values.yaml with a value set merged over it, as Helm merges them (maps deep, everything else replaced). */
final class Values {
    private Values() {
    }

    static JsonNode defaults() {
        return read(Chart.DIR.resolve("values.yaml"));
    }

    static JsonNode effective(String valueSet) {
        JsonNode merged = defaults().deepCopy();
        List<String> args = Chart.valuesArgs(valueSet);
        if (!args.isEmpty()) {
            merge((ObjectNode) merged, read(Path.of(args.get(1))));
        }
        return merged;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static void merge(ObjectNode target, JsonNode overrides) {
        for (Map.Entry<String, JsonNode> entry : overrides.properties()) {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Manifests.YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
