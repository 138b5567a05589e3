package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Shapes the events of one watch for kubectl. The CRUD store opens every watch by replaying all matching objects as
 * ADDED; a real server sends only what changed after the resourceVersion the client listed at, so kubectl get -w
 * would print every row twice. kubectl get -w wants each event's object as a one-row Table. And kubectl wait
 * (client-go's watch-list) wants the current objects followed by a bookmark that marks the end of them.
 */
final class WatchEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long sinceVersion;
    private final List<String> initial;
    private final String includeObject;
    private final BiFunction<JsonNode, String, ObjectNode> table;

    /**
     * @param sinceVersion replayed ADDED events of objects at or below this resourceVersion are dropped
     * @param initial events to send before any from the store (already JSON)
     * @param table makes a Table of an object, or null when the client wants the objects themselves
     */
    WatchEvents(long sinceVersion, List<String> initial, String includeObject,
            BiFunction<JsonNode, String, ObjectNode> table) {
        this.sinceVersion = sinceVersion;
        this.includeObject = includeObject;
        this.table = table;
        this.initial = initial.stream().map(e -> shape(e, false)).toList();
    }

    /** The lines to send as soon as the watch opens. */
    List<String> initial() {
        return initial;
    }

    /** The line to stream for an event from the store, or null to drop it. */
    String line(String event) {
        return shape(event, true);
    }

    private String shape(String event, boolean fromStore) {
        ObjectNode node;
        try {
            node = (ObjectNode) JSON.readTree(event);
        } catch (IOException | ClassCastException e) {
            return event;
        }
        JsonNode object = node.path("object");
        if (fromStore && "ADDED".equals(node.path("type").asText()) && resourceVersion(object) <= sinceVersion) {
            return null;
        }
        if (table != null && object.isObject() && !"BOOKMARK".equals(node.path("type").asText())) {
            node.set("object", table.apply(object, includeObject));
        }
        return node.toString();
    }

    /** "0" or no resourceVersion means "start with the current state", which the replay is; then drop nothing. */
    static long replayedUpTo(String resourceVersion) {
        try {
            return resourceVersion == null ? -1 : Long.parseLong(resourceVersion);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long resourceVersion(JsonNode object) {
        try {
            return Long.parseLong(object.path("metadata").path("resourceVersion").asText());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
