package dev.loraoperator.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP answer before it is written: status, content type, body and extra headers. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Reply json(int status, Object value) {
        try {
            return new Reply(status, "application/json", JSON.writeValueAsString(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error body of trainer-api.md §5.1: a 5-digit error_code whose first three digits are the HTTP status. */
    static Reply error(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", code);
        body.put("error_message", message);
        return json(status, body);
    }

    /** The same JSON object with a "padding" string added so the body is exactly {@code bytes} bytes of UTF-8. */
    Reply paddedTo(int bytes) {
        ObjectNode object = object();
        int bare = object.put("padding", "").toString().getBytes(UTF_8).length;
        if (bytes < bare) {
            throw new IllegalArgumentException("the answer is already " + bare + " bytes");
        }
        return withBody(object.put("padding", "x".repeat(bytes - bare)).toString());
    }

    /** The same JSON object without the given top-level fields. */
    Reply without(String... fields) {
        ObjectNode object = object();
        object.remove(List.of(fields));
        return withBody(object.toString());
    }

    /** The same JSON object with the top-level string field {@code field} set to {@code value}. */
    Reply with(String field, String value) {
        return withBody(object().put(field, value).toString());
    }

    private ObjectNode object() {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("this fault spoils JSON object answers only, not: " + body, e);
        }
    }

    private Reply withBody(String newBody) {
        return new Reply(status, contentType, newBody, headers);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, contentType, body, Map.copyOf(all));
    }
}
