package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Spells keys and scalar values so that PyYAML (YAML 1.1, as AI Toolkit loads configs) reads back the same value. */
final class Yaml11Scalars {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Words YAML 1.1 resolves to booleans or null; y and n too, as some YAML 1.1 loaders read them as booleans. */
    private static final Set<String> SPECIAL_WORDS =
            Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private Yaml11Scalars() {
    }

    static String key(String key) {
        boolean plain = PLAIN_KEY.matcher(key).matches() && !SPECIAL_WORDS.contains(key.toLowerCase(Locale.ROOT));
        return plain ? key : quoted(key);
    }

    /** A scalar or an empty collection; non-empty collections are written as blocks by the caller. */
    static String scalar(JsonNode value) {
        if (value.isTextual()) {
            return quoted(value.textValue());
        } else if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        } else if (value.isNull()) {
            return "null";
        } else if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        } else if (value.isFloatingPointNumber()) {
            return floating(value.doubleValue());
        } else if (value.isObject() && value.isEmpty()) {
            return "{}";
        } else if (value.isArray() && value.isEmpty()) {
            return "[]";
        }
        throw new IllegalArgumentException("cannot write a " + value.getNodeType() + " node as a YAML scalar");
    }

    /**
     * PyYAML reads a number as a float only with a '.' and, if there is an exponent, a signed one: Java's
     * "1.0E-4" is fine but "1.0E21" must become "1.0e+21", and "1e-4" would load as a string.
     */
    static String floating(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        String text = Double.toString(value); // always has a '.', shortest text that reads back exactly
        int e = text.indexOf('E');
        if (e < 0) {
            return text;
        }
        String exponent = text.substring(e + 1);
        return text.substring(0, e) + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }

    /** Always double-quoted, so no string is ever re-typed (on, 1e-4, 012, 1:30, ~, [name] ...). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            out.append(switch (cp) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                // Line breaks YAML knows besides \n and \r: left raw they would be folded into spaces.
                case 0x85 -> "\\N";
                case 0x2028 -> "\\L";
                case 0x2029 -> "\\P";
                default -> printable(cp) ? Character.toString(cp) : escape(cp);
            });
        }
        return out.append('"').toString();
    }

    /** The characters PyYAML's reader accepts in a stream (others make it fail), minus the byte-order mark. */
    private static boolean printable(int cp) {
        return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) || cp >= 0x10000;
    }

    private static String escape(int cp) {
        return cp <= 0xFF ? String.format("\\x%02X", cp) : String.format("\\u%04X", cp);
    }
}
