package dev.loraoperator.crdvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the fields a structural schema does not declare, as kube-apiserver does before it stores a custom resource,
 * except under {@code x-kubernetes-preserve-unknown-fields}. Returns the dropped paths, which kube-apiserver turns
 * into warnings ({@code fieldValidation=Warn}) or an error ({@code Strict}).
 */
final class Pruner {

    /** Fields every object has, never pruned at the root; metadata is validated by the API server itself. */
    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private Pruner() {
    }

    static List<String> pruneRoot(ObjectNode object, JsonNode schema) {
        List<String> pruned = new ArrayList<>();
        pruneObject(object, schema, "", ROOT_FIELDS, pruned);
        return pruned;
    }

    private static void prune(JsonNode value, JsonNode schema, String path, List<String> pruned) {
        if (value.isObject()) {
            Set<String> kept = schema.path("x-kubernetes-embedded-resource").asBoolean(false) ? ROOT_FIELDS : Set.of();
            pruneObject((ObjectNode) value, schema, path, kept, pruned);
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                prune(value.get(i), schema.get("items"), path + "[" + i + "]", pruned);
            }
        }
    }

    private static void pruneObject(ObjectNode object, JsonNode schema, String path, Set<String> kept,
            List<String> pruned) {
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String child = path.isEmpty() ? name : path + "." + name;
            if (properties.has(name)) {
                prune(field.getValue(), properties.get(name), child, pruned);
            } else if (additional != null && additional.isObject()) {
                prune(field.getValue(), additional, path + "[" + name + "]", pruned);
            } else if (!preserve && !kept.contains(name) && !(additional != null && additional.asBoolean(false))) {
                pruned.add(child);
                it.remove();
            }
        }
    }
}
