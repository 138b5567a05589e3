package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;

/** JSON answers in the API server's shapes, notably meta/v1 Status bodies, whose message kubectl prints as is. */
final class ApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** The CRUD store answers 404 with no body; kubectl then says "the server could not find the requested resource". */
    static MockResponse notFound(ApiPath p) {
        String resource = p.group().isEmpty() ? p.plural() : p.plural() + "." + p.group();
        String message = p.name() == null ? "the server could not find the requested resource"
                : resource + " \"" + p.name() + "\" not found";
        ObjectNode status = status(404, "NotFound", message);
        status.putObject("details").put("name", p.name()).put("group", p.group()).put("kind", p.plural());
        return json(404, status.toString());
    }

    static MockResponse failure(int code, String reason, String message) {
        return json(code, status(code, reason, message).toString());
    }

    /** The body of a response as JSON, or null when it has none or it is not JSON. */
    static JsonNode body(MockResponse response) {
        if (response.getBody() == null || response.getBody().size() == 0) {
            return null;
        }
        try {
            return JSON.readTree(response.getBody().getBytes());
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode status(int code, String reason, String message) {
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
    }
}
