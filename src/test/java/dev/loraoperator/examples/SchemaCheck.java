package dev.loraoperator.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The structural part of CRD validation, enough to catch what a hand-written manifest gets wrong: unknown fields
 * (a real API server silently drops them), wrong types, values outside an enum or a range, missing required fields.
 * CEL rules are not evaluated here.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static List<String> problems(JsonNode value, JsonNode schema, String path) {
        List<String> out = new ArrayList<>();
        check(value, schema, path, out);
        return out;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !schema.has("properties")) {
            return;
        }
        String type = schema.path("type").asText("");
        if (!typeMatches(type, value)) {
            out.add(path + ": expected " + type + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(value.asText())) {
                out.add(path + ": " + value.asText() + " is not one of " + allowed);
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            out.add(path + ": below the minimum " + schema.get("minimum").asText());
        }
        if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
            out.add(path + ": above the maximum " + schema.get("maximum").asText());
        }
        if (value.isObject()) {
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    out.add(path + "." + r.asText() + ": required");
                }
            });
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                JsonNode fieldSchema = schema.path("properties").get(field.getKey());
                if (fieldSchema == null) {
                    out.add(path + "." + field.getKey() + ": unknown field");
                } else {
                    check(field.getValue(), fieldSchema, path + "." + field.getKey(), out);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean typeMatches(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }
}
