package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads scalar spec fields leniently: a value this operator version cannot use (an enum value from a newer CRD, a
 * number out of range, a wrong type) is set aside with a sentence naming it, instead of failing the whole resource
 * and with it the informer that lists every resource.
 */
public final class UnreadableFields {
    private static final int SHOWN_CHARS = 64;

    private final Map<String, String> problems = new LinkedHashMap<>();
    private final Map<String, JsonNode> rawValues = new LinkedHashMap<>();

    /** The enum constant named by {@code raw}, or null (and a problem) when there is none. */
    <E extends Enum<E>> E enumValue(String field, JsonNode raw, Class<E> type) {
        forget(field);
        if (absent(raw)) {
            return null;
        }
        if (raw.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(raw.textValue())) {
                    return constant;
                }
            }
        }
        List<String> supported = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        setAside(field, raw, "unsupported value " + shown(raw) + "; supported: " + String.join(", ", supported));
        return null;
    }

    /** The value as an Integer, or null (and a problem) when it is not a whole number that fits. */
    Integer intValue(String field, JsonNode raw) {
        forget(field);
        if (absent(raw)) {
            return null;
        }
        if (raw.isNumber() && raw.canConvertToExactIntegral() && raw.canConvertToInt()) {
            return raw.intValue();
        }
        setAside(field, raw, "unsupported value " + shown(raw) + "; expected a whole number from "
                + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        return null;
    }

    /** The value as a Long, or null (and a problem) when it is not a whole number that fits. */
    Long longValue(String field, JsonNode raw) {
        forget(field);
        if (absent(raw)) {
            return null;
        }
        if (raw.isNumber() && raw.canConvertToExactIntegral() && raw.canConvertToLong()) {
            return raw.longValue();
        }
        setAside(field, raw, "unsupported value " + shown(raw) + "; expected a whole number from "
                + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        return null;
    }

    /** The value as a Boolean, or null (and a problem) when it is not true or false. */
    Boolean booleanValue(String field, JsonNode raw) {
        forget(field);
        if (absent(raw)) {
            return null;
        }
        if (raw.isBoolean()) {
            return raw.booleanValue();
        }
        setAside(field, raw, "unsupported value " + shown(raw) + "; expected true or false");
        return null;
    }

    /**
     * The tree, with a problem when it nests deeper than {@code maxDepth} levels. The API server stores objects up to
     * 10,000 levels deep, but writing such a tree back (every patch and every cache copy serializes the resource)
     * would overflow a thread's stack; so such a tree is cut to {@code maxDepth + 1} levels, which still reads as too
     * deep wherever it is copied to.
     */
    JsonNode tree(String field, JsonNode raw, int maxDepth) {
        forget(field);
        if (!absent(raw) && cutAt(raw, maxDepth + 1)) {
            problems.put(field, "nested deeper than " + maxDepth + " levels, too deep to read");
        }
        return raw;
    }

    /**
     * Empties every container at {@code level} (the root is level 1), without recursion; true if there was any,
     * that is if the tree nests deeper than {@code level - 1}. The emptied containers keep it that deep.
     */
    private static boolean cutAt(JsonNode root, int level) {
        Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(root, 1));
        boolean found = false;
        while (!pending.isEmpty()) {
            Map.Entry<JsonNode, Integer> next = pending.pop();
            JsonNode node = next.getKey();
            if (!node.isContainerNode()) {
                continue;
            }
            if (next.getValue() == level) {
                found = true;
                ((ContainerNode<?>) node).removeAll();
            } else {
                node.forEach(child -> pending.push(Map.entry(child, next.getValue() + 1)));
            }
        }
        return found;
    }

    /** The values set aside, by field, as read: written back so that a copy of the resource reads the same. */
    Map<String, JsonNode> rawValues() {
        return rawValues;
    }

    private void setAside(String field, JsonNode raw, String problem) {
        problems.put(field, problem);
        rawValues.put(field, raw);
    }

    private void forget(String field) {
        problems.remove(field);
        rawValues.remove(field);
    }

    /** One sentence per field set aside, each starting with the field's path below {@code prefix}. */
    List<String> describe(String prefix) {
        List<String> sentences = new ArrayList<>();
        problems.forEach((field, problem) -> sentences.add(prefix + field + ": " + problem));
        return sentences;
    }

    private static boolean absent(JsonNode raw) {
        return raw == null || raw.isNull() || raw.isMissingNode();
    }

    /** The value as the user wrote it, short enough for a status message. */
    private static String shown(JsonNode raw) {
        if (raw.isContainerNode()) {
            return raw.isArray() ? "(a list)" : "(an object)";
        }
        String text = raw.toString();
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
    }
}
