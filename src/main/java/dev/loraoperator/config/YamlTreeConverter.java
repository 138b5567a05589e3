package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Turns the objects SafeConstructor built into a Jackson tree, expanding shared (aliased) parts under a budget. */
final class YamlTreeConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final NodeBudget budget;

    YamlTreeConverter(NodeBudget budget) {
        this.budget = budget;
    }

    JsonNode convert(Object value) throws InvalidConfigException {
        return convert(value, "", 0);
    }

    private JsonNode convert(Object value, String path, int depth) throws InvalidConfigException {
        budget.countNode();
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String text) {
            budget.countText(text);
            return NODES.textNode(text);
        } else if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        } else if (value instanceof Integer number) {
            return NODES.numberNode(number);
        } else if (value instanceof Long number) {
            return NODES.numberNode(number);
        } else if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        } else if (value instanceof Double number) {
            return NODES.numberNode(number);
        } else if (value instanceof Map<?, ?> map) {
            return convertMap(map, path, depth + 1);
        } else if (value instanceof List<?> list) {
            return convertList(list, path, depth + 1);
        }
        // !!binary, !!set, !!pairs and the like: AI Toolkit configs never need them and they have no JSON form.
        throw InvalidConfigException.of(ConfigPath.describe(path) + " holds a " + kind(value)
                + " value, which is not supported in a config");
    }

    private ObjectNode convertMap(Map<?, ?> map, String path, int depth) throws InvalidConfigException {
        budget.checkDepth(depth, path);
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw InvalidConfigException.of(ConfigPath.describe(path) + " has the key " + entry.getKey()
                        + ", which YAML 1.1 reads as a " + kind(entry.getKey()) + " (e.g. an unquoted on, no or 1)"
                        + "; quote the key to make it a string");
            }
            budget.countText(key);
            node.set(key, convert(entry.getValue(), ConfigPath.field(path, key), depth));
        }
        return node;
    }

    private ArrayNode convertList(List<?> list, String path, int depth) throws InvalidConfigException {
        budget.checkDepth(depth, path);
        ArrayNode node = NODES.arrayNode(list.size());
        for (int i = 0; i < list.size(); i++) {
            node.add(convert(list.get(i), ConfigPath.index(path, i), depth));
        }
        return node;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Number) {
            return "number";
        } else if (value instanceof byte[]) {
            return "binary";
        } else if (value instanceof java.util.Set) {
            return "set";
        } else if (value instanceof List) {
            return "list";
        } else if (value instanceof Map) {
            return "mapping";
        }
        return value.getClass().getSimpleName();
    }
}
