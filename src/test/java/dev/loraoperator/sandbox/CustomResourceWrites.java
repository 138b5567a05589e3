package dev.loraoperator.sandbox;

import static dev.loraoperator.sandbox.ApiResponses.body;
import static dev.loraoperator.sandbox.ApiResponses.failure;
import static dev.loraoperator.sandbox.ApiResponses.json;
import static dev.loraoperator.sandbox.ApiResponses.notFound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.crdvalidation.Admission;
import dev.loraoperator.crdvalidation.CrdValidator;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes of custom resources, admitted as kube-apiserver admits them: the object a create, an update or a patch
 * would store (status kept apart as with a status subresource) is pruned, defaulted and validated by the CRD's
 * {@link CrdValidator}; refused with a 422 Status, or stored as admitted through the CRUD store.
 */
final class CustomResourceWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dispatcher store;

    CustomResourceWrites(Dispatcher store) {
        this.store = store;
    }

    /** One write at a time, so the object validated is the object replaced (the real server has etcd for that). */
    synchronized MockResponse write(RecordedRequest request, ApiPath p, CrdValidator validator, boolean statusSubresource) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().getBytes());
        } catch (IOException e) {
            return failure(400, "BadRequest", "the request body is not JSON: " + e.getMessage());
        }
        if (body == null || body.isMissingNode()) {
            return failure(400, "BadRequest", "the request has no body");
        }
        if (request.method() == HttpMethod.POST) {
            ObjectNode object = body.deepCopy();
            if (statusSubresource) {
                object.remove("status");  // a create sets no status where status is a subresource
            }
            return store(request, p, validator.create(object), HttpMethod.POST, request.getPath());
        }
        String objectPath = request.getPath().replaceFirst("/status(\\?|$)", "$1");
        JsonNode old = body(store.dispatch(get(request, objectPath)));
        if (old == null) {
            return notFound(p);
        }
        JsonNode candidate;
        try {
            candidate = request.method() == HttpMethod.PATCH ? patched(old, body, request.getHeader("Content-Type"))
                    : body;
        } catch (JsonPatchException | IllegalArgumentException e) {
            return failure(422, "Invalid", "the patch cannot be applied: " + e.getMessage());
        }
        ObjectNode next = "status".equals(p.subresource()) ? withStatusOf(old, candidate)
                : statusSubresource ? withStatusOf(candidate, old) : candidate.deepCopy();
        return store(request, p, validator.update(next, old), HttpMethod.PUT, request.getPath());
    }

    private MockResponse store(RecordedRequest request, ApiPath p, Admission admission, HttpMethod method, String path) {
        if (!admission.allowed()) {
            return json(422, admission.status().toString());
        }
        String validation = p.query().getOrDefault("fieldValidation", "Warn");
        if (!admission.unknownFields().isEmpty() && validation.equals("Strict")) {
            return failure(400, "BadRequest", admission.strictDecodingError());
        }
        MockResponse response = store.dispatch(new RecordedRequest(request.getHttpVersion(), method, path,
                request.getHeaders().newBuilder().set("Content-Type", "application/json").build(),
                new Buffer(admission.object().toString().getBytes(StandardCharsets.UTF_8))));
        if (validation.equals("Warn")) {
            // kubectl prints each as "Warning: unknown field ..."
            admission.warnings().forEach(w -> response.addHeader("Warning", "299 - " + quoted(w)));
        }
        return response;
    }

    private static String quoted(String warning) {
        return "\"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ObjectNode withStatusOf(JsonNode object, JsonNode statusFrom) {
        ObjectNode copy = object.deepCopy();
        if (statusFrom.has("status")) {
            copy.set("status", statusFrom.get("status").deepCopy());
        } else {
            copy.remove("status");
        }
        return copy;
    }

    /** A JSON patch (RFC 6902) or a merge patch (RFC 7386; kubectl's strategic merge patches arrive as these). */
    private static JsonNode patched(JsonNode old, JsonNode patch, String contentType) {
        if (contentType != null && contentType.startsWith("application/json-patch+json")) {
            return JsonPatch.apply(patch, old);
        }
        return merged(old, patch);
    }

    private static JsonNode merged(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? target.deepCopy() : JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merged(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static RecordedRequest get(RecordedRequest request, String path) {
        return new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, path.replaceFirst("\\?.*$", ""),
                Headers.builder().build(), new Buffer());
    }
}
