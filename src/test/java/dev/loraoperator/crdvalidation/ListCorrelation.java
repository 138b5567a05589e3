package dev.loraoperator.crdvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which old list item an item of an update corresponds to, as kube-apiserver correlates them for transition rules
 * and ratcheting: only lists of {@code x-kubernetes-list-type: map}, by their {@code x-kubernetes-list-map-keys}.
 */
final class ListCorrelation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ListCorrelation() {
    }

    static JsonNode oldItem(JsonNode item, JsonNode oldList, JsonNode listSchema) {
        if (oldList == null || !"map".equals(listSchema.path("x-kubernetes-list-type").asText())) {
            return null;
        }
        JsonNode key = key(item, listSchema);
        for (JsonNode candidate : oldList) {
            if (key(candidate, listSchema).equals(key)) {
                return candidate;
            }
        }
        return null;
    }

    /** The values of the map keys of an item, as one object. */
    static JsonNode key(JsonNode item, JsonNode listSchema) {
        ObjectNode key = JSON.createObjectNode();
        for (JsonNode name : listSchema.path("x-kubernetes-list-map-keys")) {
            key.set(name.asText(), item.path(name.asText()).isMissingNode() ? null : item.get(name.asText()));
        }
        return key;
    }
}
