package dev.loraoperator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes a JSON tree as a Lua 5.1 table constructor: the `obj` Argo CD hands to a health script. */
final class LuaLiteral {
    private LuaLiteral() {
    }

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getValue().isNull()) { // JSON null is absent in Lua, as in Argo CD
                    out.append('[').append(string(field.getKey())).append("]=");
                    write(field.getValue(), out);
                    out.append(',');
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('{');
            node.forEach(item -> {
                write(item, out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isNumber()) {
            out.append(node.asText());
        } else if (node.isBoolean()) {
            out.append(node.asBoolean());
        } else {
            out.append(string(node.asText()));
        }
    }

    /** A quoted Lua string; every byte outside printable ASCII as a decimal escape, which Lua 5.1 understands. */
    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append('\\').append(String.format("%03d", c));
            }
        }
        return out.append('"').toString();
    }
}
