package dev.loraoperator.crdvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills in schema defaults, top down, as kube-apiserver does on every write: a missing field (or a null one that may
 * not be null) gets its default, and a default object gets the defaults inside it. A null without a default, where
 * null is not allowed, is dropped, as kube-apiserver drops it.
 */
final class Defaulter {

    private Defaulter() {
    }

    static void apply(JsonNode value, JsonNode schema) {
        if (value.isObject()) {
            applyToObject((ObjectNode) value, schema);
        } else if (value.isArray() && schema.has("items")) {
            value.forEach(item -> apply(item, schema.get("items")));
        }
    }

    private static void applyToObject(ObjectNode object, JsonNode schema) {
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = property.getKey();
            JsonNode fieldSchema = property.getValue();
            JsonNode current = object.get(name);
            boolean nullable = fieldSchema.path("nullable").asBoolean(false);
            if ((current == null || current.isNull() && !nullable) && fieldSchema.has("default")) {
                object.set(name, fieldSchema.get("default").deepCopy());
            } else if (current != null && current.isNull() && !nullable) {
                object.remove(name);
            }
        }
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : fields) {
            JsonNode fieldSchema = properties.has(field.getKey()) ? properties.get(field.getKey())
                    : additional != null && additional.isObject() ? additional : null;
            if (fieldSchema != null) {
                apply(field.getValue(), fieldSchema);
            }
        }
    }
}
