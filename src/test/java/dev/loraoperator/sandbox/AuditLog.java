package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sandbox API's audit log, like kube-apiserver's: one JSON line per resource request with the verb RBAC checks
 * (get, list, watch, create, update, patch, delete, deletecollection), the resource and the client's User-Agent.
 */
final class AuditLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    private AuditLog(Writer out) {
        this.out = out;
    }

    static AuditLog create(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new AuditLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Records a resource request; discovery, OpenAPI and other non-resource requests need no RBAC and are left out. */
    synchronized void record(RecordedRequest request) {
        Optional<ApiPath> parsed = ApiPath.parse(request.getPath());
        if (parsed.isEmpty()) {
            return;
        }
        ApiPath path = parsed.get();
        ObjectNode line = JSON.createObjectNode().put("verb", verb(request.method(), path))
                .put("group", path.group())
                .put("resource", path.plural() + (path.subresource() == null ? "" : "/" + path.subresource()))
                .put("namespace", path.namespace()).put("name", path.name())
                .put("userAgent", request.getHeader("User-Agent"));
        try {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String verb(HttpMethod method, ApiPath path) {
        return switch (method) {
            case GET -> path.isWatch() ? "watch" : path.isCollection() ? "list" : "get";
            case POST -> "create";
            case PUT -> "update";
            case PATCH -> "patch";
            case DELETE -> path.isCollection() ? "deletecollection" : "delete";
            default -> method.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
