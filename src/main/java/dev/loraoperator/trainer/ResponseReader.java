package dev.loraoperator.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Trainer API JSON leniently: unknown fields ignored, error as object or string, progress optional. Every
 * string comes out through {@link RemoteText}: cleaned and capped, and ids and URLs only when usable verbatim.
 */
final class ResponseReader {
    private ResponseReader() {
    }

    static RemoteJob job(JsonNode response) {
        JsonNode body = unwrapped(response);
        return new RemoteJob(RemoteText.identifier(raw(body, "id")), text(body, "name"), text(body, "status"), progress(body.get("progress")),
                error(body), text(body, "created_at"), text(body, "started_at"), text(body, "finished_at"));
    }

    static RemoteResult result(JsonNode response) {
        JsonNode body = unwrapped(response);
        JsonNode artifacts = body.path("artifacts");
        List<String> config = urls(artifacts.get("config"));
        return new RemoteResult(text(body, "status"), config.isEmpty() ? null : config.get(0),
                urls(artifacts.get("checkpoints")), urls(artifacts.get("samples")), error(body));
    }

    /** Whether a /result answer has an artifacts object at all (an empty one counts: nothing produced yet). */
    static boolean hasArtifacts(JsonNode response) {
        return unwrapped(response).path("artifacts").isObject();
    }

    /** Tolerates an envelope ({"data": {...}} or {"job": {...}}) around the job object, which some APIs add. */
    private static JsonNode unwrapped(JsonNode body) {
        if (!body.has("id") && !body.has("status")) {
            for (String envelope : new String[] {"data", "job"}) {
                if (body.path(envelope).isObject()) {
                    return body.get(envelope);
                }
            }
        }
        return body;
    }

    /** The error of a job or result: "error" (object or string) or the older "errors". */
    static RemoteError error(JsonNode body) {
        JsonNode node = body.hasNonNull("error") ? body.get("error") : body.get("errors");
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            String message = RemoteText.of(node.asText());
            return message.isEmpty() ? null : new RemoteError(null, message);
        }
        if (node.isArray()) {
            return node.isEmpty() ? null
                    : error(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("error", node.get(0)));
        }
        String message = firstText(node, "message", "error_message", "detail");
        String code = firstText(node, "code", "error_code");
        return new RemoteError(code, message != null ? message : RemoteText.of(node.toString()));
    }

    private static RemoteProgress progress(JsonNode node) {
        if (node == null || !node.isObject() || !isNumber(node.path("current_step"))
                || !isNumber(node.path("total_steps"))) {
            return null;
        }
        JsonNode percent = node.get("percent");
        return new RemoteProgress(node.get("current_step").asLong(), node.get("total_steps").asLong(),
                percent != null && isNumber(percent) ? percent.asDouble() : null);
    }

    /** A number, or a string holding one ("320"): lenient about how a JSON encoder wrote it. */
    private static boolean isNumber(JsonNode node) {
        return node.isNumber() || (node.isTextual() && node.asText().matches("-?\\d+(\\.\\d+)?"));
    }

    /** Every http(s) string under a "path" or "url" key, in document order (how RunComfy's own client reads them). */
    private static List<String> urls(JsonNode node) {
        List<String> found = new ArrayList<>();
        collectUrls(node, found);
        return found;
    }

    private static void collectUrls(JsonNode node, List<String> found) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && RemoteText.url(node.asText()) != null) {
            found.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(item -> collectUrls(item, found));
        } else if (node.isObject()) {
            String url = firstUrl(node, "path", "url");
            if (url != null) {
                found.add(url);
            }
        }
    }

    private static String firstUrl(JsonNode node, String... keys) {
        for (String key : keys) {
            String value = RemoteText.url(raw(node, key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String firstText(JsonNode node, String... keys) {
        for (String key : keys) {
            String value = text(node, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A scalar field as display text: cleaned and capped, never the raw API string. */
    static String text(JsonNode node, String key) {
        return RemoteText.of(raw(node, key));
    }

    private static String raw(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
