package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Writes a Jackson tree as block-style YAML that PyYAML's safe_load (YAML 1.1) reads back to the same values. */
final class Yaml11Writer {

    private static final int INDENT = 2;
    /** PyYAML gives up looking for the ':' of a simple key after 1024 characters; longer keys use "? key". */
    private static final int MAX_SIMPLE_KEY = 1000;

    private Yaml11Writer() {
    }

    /** Deterministic: the same tree always gives the same text, keys in the tree's order. */
    static String write(JsonNode root) {
        StringBuilder out = new StringBuilder();
        if (isBlock(root)) {
            writeBlock(root, 0, out);
        } else {
            out.append(Yaml11Scalars.scalar(root)).append('\n');
        }
        return out.toString();
    }

    private static void writeBlock(JsonNode node, int indent, StringBuilder out) {
        if (node.isObject()) {
            writeMapping(node, indent, out);
        } else {
            writeSequence(node, indent, out);
        }
    }

    private static void writeMapping(JsonNode mapping, int indent, StringBuilder out) {
        for (Map.Entry<String, JsonNode> field : mapping.properties()) {
            String key = Yaml11Scalars.key(field.getKey());
            out.append(" ".repeat(indent));
            if (key.length() > MAX_SIMPLE_KEY) {
                out.append("? ").append(key).append('\n').append(" ".repeat(indent));
            }
            out.append(key.length() > MAX_SIMPLE_KEY ? ":" : key + ":");
            writeValue(field.getValue(), indent + INDENT, out);
        }
    }

    private static void writeSequence(JsonNode sequence, int indent, StringBuilder out) {
        for (JsonNode item : sequence) {
            if (isBlock(item)) {
                // Write the item one level deeper, then put "- " over its first indent: "- key: value".
                int start = out.length();
                writeBlock(item, indent + INDENT, out);
                out.replace(start, start + indent + INDENT, " ".repeat(indent) + "- ");
            } else {
                out.append(" ".repeat(indent)).append("- ").append(Yaml11Scalars.scalar(item)).append('\n');
            }
        }
    }

    private static void writeValue(JsonNode value, int indent, StringBuilder out) {
        if (isBlock(value)) {
            out.append('\n');
            writeBlock(value, indent, out);
        } else {
            out.append(' ').append(Yaml11Scalars.scalar(value)).append('\n');
        }
    }

    private static boolean isBlock(JsonNode node) {
        return (node.isObject() || node.isArray()) && !node.isEmpty();
    }
}
