package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Rejects an inline config tree that is nested too deeply or has too many values (the API server bounds its size). */
final class TreeBounds {

    private TreeBounds() {
    }

    static void check(JsonNode root, ConfigLimits limits) throws InvalidConfigException {
        if (root != null) {
            walk(root, "", 0, new NodeBudget(limits));
        }
    }

    private static void walk(JsonNode node, String path, int depth, NodeBudget budget)
            throws InvalidConfigException {
        budget.countNode();
        if (node.isObject()) {
            // Checked before descending, so the recursion itself never goes deeper than the limit.
            budget.checkDepth(depth + 1, path);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), ConfigPath.field(path, field.getKey()), depth + 1, budget);
            }
        } else if (node.isArray()) {
            budget.checkDepth(depth + 1, path);
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), ConfigPath.index(path, i), depth + 1, budget);
            }
        }
    }
}
