package dev.loraoperator.crdvalidation;

import static dev.loraoperator.crdvalidation.FieldError.Type.DUPLICATE;
import static dev.loraoperator.crdvalidation.FieldError.Type.FORBIDDEN;
import static dev.loraoperator.crdvalidation.FieldError.Type.INVALID;
import static dev.loraoperator.crdvalidation.FieldError.Type.REQUIRED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Evaluates every {@code x-kubernetes-validations} rule of a schema against a value, at every level where one is
 * declared, as apiextensions-apiserver's CEL validator does: transition rules (those naming oldSelf) only where an
 * old value corresponds, a failure on an unchanged value ratcheted, and the same error wording.
 */
final class CelValidator {

    private final Map<JsonNode, List<CelRule>> rules = new IdentityHashMap<>();

    CelValidator(JsonNode rootSchema) {
        compile(rootSchema);
    }

    private void compile(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        if (schema.has("x-kubernetes-validations")) {
            List<CelRule> compiled = new ArrayList<>();
            schema.get("x-kubernetes-validations").forEach(r -> compiled.add(CelRule.of(r)));
            rules.put(schema, compiled);
        }
        schema.path("properties").forEach(this::compile);
        compile(schema.get("items"));
        compile(schema.get("additionalProperties"));
    }

    /** The rules of every CRD schema level, in schema order, for tests that must show each of them at work. */
    List<String> allRules() {
        List<String> all = new ArrayList<>();
        rules.values().forEach(list -> list.forEach(r -> all.add(r.rule())));
        return all;
    }

    /** Validates, telling the observer each rule evaluated and whether it held. */
    List<FieldError> validate(JsonNode root, JsonNode oldRoot, JsonNode schema, BiConsumer<String, Boolean> observer) {
        List<FieldError> errors = new ArrayList<>();
        new Walk(observer, errors).walk(rootView(root), oldRoot == null ? null : rootView(oldRoot), schema, "");
        return errors;
    }

    /** At the root, rules see apiVersion, kind, metadata.name and metadata.generateName and nothing else of metadata. */
    private static JsonNode rootView(JsonNode root) {
        ObjectNode view = ((ObjectNode) root).deepCopy();
        JsonNode metadata = root.path("metadata");
        ObjectNode visible = view.putObject("metadata");
        for (String field : List.of("name", "generateName")) {
            if (metadata.has(field)) {
                visible.set(field, metadata.get(field));
            }
        }
        return view;
    }

    /** One validation pass: where the errors go and who hears of each evaluation. */
    private final class Walk {

        private final BiConsumer<String, Boolean> observer;
        private final List<FieldError> errors;

        Walk(BiConsumer<String, Boolean> observer, List<FieldError> errors) {
            this.observer = observer;
            this.errors = errors;
        }

        private void walk(JsonNode value, JsonNode old, JsonNode schema, String path) {
            if (value == null || value.isNull()) {
                return;
            }
            for (CelRule rule : rules.getOrDefault(schema, List.of())) {
                check(rule, value, old, schema, path);
            }
            if (value.isObject()) {
                JsonNode properties = schema.path("properties");
                JsonNode additional = schema.get("additionalProperties");
                value.properties().forEach(field -> {
                    String name = field.getKey();
                    JsonNode oldField = old == null ? null : old.get(name);
                    if (properties.has(name)) {
                        walk(field.getValue(), oldField, properties.get(name), path.isEmpty() ? name : path + "." + name);
                    } else if (additional != null && additional.isObject()) {
                        walk(field.getValue(), oldField, additional, path + "[" + name + "]");
                    }
                });
            } else if (value.isArray() && schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    walk(value.get(i), ListCorrelation.oldItem(value.get(i), old, schema), schema.get("items"),
                            path + "[" + i + "]");
                }
            }
        }

        private void check(CelRule rule, JsonNode value, JsonNode old, JsonNode schema, String path) {
            String at = rule.fieldPath().isEmpty() ? path : path.isEmpty() ? rule.fieldPath() : path + "." + rule.fieldPath();
            String type = schema.path("type").asText("");
            boolean omitValue = type.equals("object") || type.equals("array");
            if (rule.compileError().isPresent()) {
                errors.add(FieldError.of(INVALID, at, type, "rule compile error: " + rule.compileError().get()));
                return;
            }
            if (rule.isTransition() && old == null) {
                return;
            }
            CelRule.Outcome outcome = rule.evaluate(CelValues.of(value), CelValues.of(old));
            observer.accept(rule.rule(), outcome.passed());
            if (outcome.passed() || !rule.isTransition() && value.equals(old)) {
                return;
            }
            errors.add(switch (rule.reason()) {
                case "FieldValueForbidden" -> FieldError.withoutValue(FORBIDDEN, at, outcome.detail());
                case "FieldValueRequired" -> FieldError.withoutValue(REQUIRED, at, outcome.detail());
                case "FieldValueDuplicate" -> omitValue ? FieldError.withoutValue(DUPLICATE, at, null)
                        : FieldError.of(DUPLICATE, at, value, null);
                default -> omitValue ? FieldError.withoutValue(INVALID, at, outcome.detail())
                        : FieldError.of(INVALID, at, value, outcome.detail());
            });
        }
    }
}
