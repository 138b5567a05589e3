package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Turns an object or a list into a meta.k8s.io/v1 Table, the form {@code kubectl get} asks for, with the kind's
 * printer columns. Without it kubectl would show only names, never the Status, GPU, Progress and Job ID columns.
 */
final class TableConverter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME_DESCRIPTION = "Name must be unique within a namespace.";

    private final Clock clock;

    TableConverter(Clock clock) {
        this.clock = clock;
    }

    /** kubectl get sends {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io,...}; -o yaml does not. */
    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /**
     * @param includeObject the request's includeObject parameter: Object (whole objects), None, or Metadata
     *     (the default, PartialObjectMetadata)
     */
    ObjectNode table(ServedKind kind, JsonNode objectOrList, String includeObject) {
        ObjectNode table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion",
                objectOrList.path("metadata").path("resourceVersion").asText(""));
        ArrayNode definitions = table.putArray("columnDefinitions");
        definitions.addObject().put("name", "Name").put("type", "string").put("format", "name")
                .put("description", NAME_DESCRIPTION).put("priority", 0);
        for (PrinterColumn c : kind.columns()) {
            definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                    .put("description", c.description().isEmpty()
                            ? "Custom resource definition column (in JSONPath format): " + c.jsonPath()
                            : c.description())
                    .put("priority", c.priority());
        }
        ArrayNode rows = table.putArray("rows");
        if (objectOrList.has("items")) {
            objectOrList.path("items").forEach(item -> rows.add(row(kind, item, includeObject)));
        } else {
            rows.add(row(kind, objectOrList, includeObject));
        }
        return table;
    }

    private ObjectNode row(ServedKind kind, JsonNode object, String includeObject) {
        ObjectNode row = JSON.createObjectNode();
        ArrayNode cells = row.putArray("cells");
        cells.add(object.path("metadata").path("name").asText());
        for (PrinterColumn c : kind.columns()) {
            cells.add(cell(c.type(), JsonPaths.find(object, c.jsonPath())));
        }
        if ("Object".equals(includeObject)) {
            row.set("object", object);
        } else if (!"None".equals(includeObject)) {
            ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
                    .put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", object.path("metadata"));
        }
        return row;
    }

    /** The typing rules of the API server's CRD columns; anything that does not fit is an empty cell. */
    private JsonNode cell(String type, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return JSON.nullNode();
        }
        return switch (type) {
            case "integer" -> value.isIntegralNumber() ? value : JSON.nullNode();
            case "number" -> value.isNumber() ? value : JSON.nullNode();
            case "boolean" -> value.isBoolean() ? value : JSON.nullNode();
            case "date" -> JSON.getNodeFactory().textNode(age(value.asText()));
            default -> JSON.getNodeFactory().textNode(value.isValueNode() ? value.asText()
                    : isReference(value) ? reference(value) : value.toString());
        };
    }

    private static boolean isReference(JsonNode value) {
        return value.isObject() && value.has("kind") && value.has("name");
    }

    /** An object reference (an Event's involvedObject) as kube-apiserver prints it: {@code loratrainingjob/flux-lora}. */
    private static String reference(JsonNode value) {
        return value.path("kind").asText().toLowerCase(java.util.Locale.ROOT) + "/" + value.path("name").asText();
    }

    private String age(String timestamp) {
        try {
            return HumanDuration.of(Duration.between(Instant.parse(timestamp), clock.instant()));
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
    }
}
