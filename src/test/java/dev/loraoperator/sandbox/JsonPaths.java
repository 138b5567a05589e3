package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple JSONPath and field-selector paths Kubernetes uses for columns and selectors: {@code .status.phase},
 * {@code .items[0].name}, {@code involvedObject.uid}. Filters and wildcards are not supported and find nothing.
 */
final class JsonPaths {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private JsonPaths() {
    }

    static JsonNode find(JsonNode root, String path) {
        String p = path.trim();
        if (p.startsWith("{") && p.endsWith("}")) {
            p = p.substring(1, p.length() - 1);
        }
        p = p.startsWith(".") ? p.substring(1) : p;
        JsonNode node = root;
        for (String segment : p.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                return MissingNode.getInstance();
            }
            node = node.path(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                node = node.path(Integer.parseInt(index.group(1)));
            }
        }
        return node;
    }
}
