package dev.loraoperator.config;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;

/** Spells the paths (config.process[0].model) and the values that problems and adjustments mention. */
final class ConfigPath {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Long enough to recognise a value, short enough that a hostile value cannot flood an Event. */
    private static final int MAX_QUOTED = 80;

    private ConfigPath() {
    }

    static String field(String parent, String key) {
        if (!IDENTIFIER.matcher(key).matches()) {
            return parent + "[" + quote(key) + "]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path as a sentence subject; the empty path is the document itself. */
    static String describe(String path) {
        return path.isEmpty() ? "the config" : path;
    }

    /** A JSON-quoted, single-line, length-capped rendering of a user value. */
    static String quote(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return TextNode.valueOf(shown).toString();
    }
}
