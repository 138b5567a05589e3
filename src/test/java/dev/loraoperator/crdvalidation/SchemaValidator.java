package dev.loraoperator.crdvalidation;

import static dev.loraoperator.crdvalidation.FieldError.Type.DUPLICATE;
import static dev.loraoperator.crdvalidation.FieldError.Type.INVALID;
import static dev.loraoperator.crdvalidation.FieldError.Type.NOT_SUPPORTED;
import static dev.loraoperator.crdvalidation.FieldError.Type.REQUIRED;
import static dev.loraoperator.crdvalidation.FieldError.Type.TOO_LONG;
import static dev.loraoperator.crdvalidation.FieldError.Type.TOO_MANY;
import static dev.loraoperator.crdvalidation.FieldError.Type.TYPE_INVALID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenAPI part of custom resource validation (kube-openapi's validator as apiextensions-apiserver uses it):
 * types, enums, required fields, numeric bounds, lengths, patterns (RE2, as Go), item and property counts, list
 * types. Messages are kube-openapi's ({@code spec.x in body should be ...}). On an update a value equal to the old
 * one is not checked again (CRD validation ratcheting, on by default since Kubernetes 1.30).
 */
final class SchemaValidator {

    private SchemaValidator() {
    }

    static List<FieldError> validate(JsonNode value, JsonNode old, JsonNode schema, String path) {
        List<FieldError> errors = new ArrayList<>();
        check(value, old, schema, path, errors);
        return errors;
    }

    private static void check(JsonNode value, JsonNode old, JsonNode schema, String path, List<FieldError> errors) {
        if (old != null && old.equals(value)) {
            return;
        }
        String type = schema.path("type").asText("");
        if (value.isNull()) {
            if (!type.isEmpty() && !schema.path("nullable").asBoolean(false)) {
                errors.add(typeError(path, type, "null"));
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                errors.add(typeError(path, "integer,string", typeName(value)));
                return;
            }
        } else if (!type.isEmpty() && !typeName(value).equals(type)
                && !(type.equals("number") && value.isIntegralNumber())) {
            errors.add(typeError(path, type, typeName(value)));
            enumCheck(value, schema, path, errors);
            return;
        }
        if (value.isTextual()) {
            strings(value.asText(), schema, path, errors);
        }
        if (value.isNumber()) {
            numbers(value, schema, path, errors);
        }
        if (value.isArray()) {
            arrays(value, old != null && old.isArray() ? old : null, schema, path, errors);
        }
        enumCheck(value, schema, path, errors);
        if (value.isObject()) {
            objects(value, old != null && old.isObject() ? old : null, schema, path, errors);
        }
    }

    private static void strings(String s, JsonNode schema, String path, List<FieldError> errors) {
        int length = s.codePointCount(0, s.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asLong()) {
            errors.add(new FieldError(TOO_LONG, path, null, maxLengthDetail(schema.get("maxLength").asLong())));
        }
        if (schema.has("minLength") && length < schema.get("minLength").asLong()) {
            errors.add(FieldError.of(INVALID, path, s, path + " in body should be at least "
                    + schema.get("minLength").asLong() + " chars long"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
            errors.add(FieldError.of(INVALID, path, s, path + " in body should match '"
                    + schema.get("pattern").asText() + "'"));
        }
    }

    private static String maxLengthDetail(long max) {
        return "may not be more than " + max + (max == 1 ? " byte" : " bytes");
    }

    private static void numbers(JsonNode value, JsonNode schema, String path, List<FieldError> errors) {
        BigDecimal n = value.decimalValue();
        if (schema.has("maximum")) {
            BigDecimal max = schema.get("maximum").decimalValue();
            boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
            if (exclusive ? n.compareTo(max) >= 0 : n.compareTo(max) > 0) {
                errors.add(FieldError.of(INVALID, path, value, path + " in body should be less than "
                        + (exclusive ? "" : "or equal to ") + GoNumbers.format(max)));
            }
        }
        if (schema.has("minimum")) {
            BigDecimal min = schema.get("minimum").decimalValue();
            boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
            if (exclusive ? n.compareTo(min) <= 0 : n.compareTo(min) < 0) {
                errors.add(FieldError.of(INVALID, path, value, path + " in body should be greater than "
                        + (exclusive ? "" : "or equal to ") + GoNumbers.format(min)));
            }
        }
        if (schema.has("multipleOf")) {
            BigDecimal factor = schema.get("multipleOf").decimalValue();
            if (factor.signum() != 0 && n.remainder(factor).signum() != 0) {
                errors.add(FieldError.of(INVALID, path, value, path + " in body should be a multiple of "
                        + GoNumbers.format(factor)));
            }
        }
    }

    private static void arrays(JsonNode value, JsonNode old, JsonNode schema, String path, List<FieldError> errors) {
        int size = value.size();
        if (schema.has("maxItems") && size > schema.get("maxItems").asLong()) {
            long max = schema.get("maxItems").asLong();
            errors.add(FieldError.of(TOO_MANY, path, IntNode.valueOf(size),
                    "must have at most " + max + (max == 1 ? " item" : " items")));
        }
        if (schema.has("minItems") && size < schema.get("minItems").asLong()) {
            errors.add(FieldError.of(INVALID, path, IntNode.valueOf(size), path + " in body should have at least "
                    + schema.get("minItems").asLong() + " items"));
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            for (int i = 0; i < size; i++) {
                check(value.get(i), ListCorrelation.oldItem(value.get(i), old, schema), items, path + "[" + i + "]",
                        errors);
            }
        }
        duplicates(value, schema, path, errors);
    }

    /** listType set: no value twice; listType map: no key tuple twice (apiextensions' own check, same wording). */
    private static void duplicates(JsonNode value, JsonNode schema, String path, List<FieldError> errors) {
        String listType = schema.path("x-kubernetes-list-type").asText("");
        if (!listType.equals("set") && !listType.equals("map")) {
            return;
        }
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            JsonNode key = listType.equals("set") ? item : ListCorrelation.key(item, schema);
            if (!seen.add(key)) {
                errors.add(FieldError.of(DUPLICATE, path + "[" + i + "]", key, null));
            }
        }
    }

    private static void enumCheck(JsonNode value, JsonNode schema, String path, List<FieldError> errors) {
        if (!schema.has("enum")) {
            return;
        }
        for (JsonNode allowed : schema.get("enum")) {
            if (sameValue(allowed, value)) {
                return;
            }
        }
        List<String> values = new ArrayList<>();
        schema.get("enum").forEach(e -> values.add(e.isTextual() ? e.asText() : e.toString()));
        errors.add(FieldError.of(NOT_SUPPORTED, path, value, "supported values: "
                + values.stream().map(GoQuote::quote).collect(Collectors.joining(", "))));
    }

    private static void objects(JsonNode value, JsonNode old, JsonNode schema, String path, List<FieldError> errors) {
        int count = value.size();
        if (schema.has("maxProperties") && count > schema.get("maxProperties").asLong()) {
            long max = schema.get("maxProperties").asLong();
            errors.add(FieldError.of(TOO_MANY, path, IntNode.valueOf(count),
                    "must have at most " + max + (max == 1 ? " item" : " items")));
        }
        if (schema.has("minProperties") && count < schema.get("minProperties").asLong()) {
            errors.add(FieldError.of(INVALID, path, IntNode.valueOf(count), path
                    + " in body should have at least " + schema.get("minProperties").asLong() + " properties"));
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String name = field.getKey();
            JsonNode fieldSchema = properties.has(name) ? properties.get(name)
                    : additional != null && additional.isObject() ? additional : null;
            if (fieldSchema != null) {
                check(field.getValue(), old == null ? null : old.get(name), fieldSchema, child(path, name), errors);
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(new FieldError(REQUIRED, child(path, required.asText()), null, null));
            }
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static FieldError typeError(String path, String type, String actual) {
        return FieldError.of(TYPE_INVALID, path, TextNode.valueOf(actual), path + " in body must be of type "
                + type + ": " + GoQuote.quote(actual));
    }

    /** JSON Schema's type of a value; an integral number is an integer, as Go decodes it to int64. */
    static String typeName(JsonNode value) {
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
