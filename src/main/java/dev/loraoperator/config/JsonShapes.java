package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Checks that a field of a config mapping has the shape a rule needs, recording a problem when not. */
final class JsonShapes {

    private JsonShapes() {
    }

    /** The non-blank text at {@code field}, or null after recording why it is missing or wrong. */
    static String requireText(ObjectNode parent, String field, String path, Findings findings) {
        JsonNode value = parent.get(field);
        if (isAbsent(value)) {
            findings.problem(path + " is required");
            return null;
        }
        if (!value.isTextual()) {
            findings.problem(path + " must be a non-empty string (got " + describe(value) + ")");
            return null;
        }
        if (value.textValue().isBlank()) {
            findings.problem(path + " must be a non-empty string");
            return null;
        }
        return value.textValue();
    }

    /** The mapping at {@code field}, or null after recording why it is missing or wrong. */
    static ObjectNode requireMapping(ObjectNode parent, String field, String path, Findings findings) {
        JsonNode value = parent.get(field);
        if (isAbsent(value)) {
            findings.problem(path + " is required");
            return null;
        }
        if (!value.isObject()) {
            findings.problem(path + " must be a mapping (got " + describe(value) + ")");
            return null;
        }
        return (ObjectNode) value;
    }

    /** YAML's empty value ({@code key:}) loads as null, which AI Toolkit treats like a missing key. */
    static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
        };
    }
}
