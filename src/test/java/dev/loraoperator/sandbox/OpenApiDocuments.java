package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAPI v3 documents, one per group version, built from the served kinds. kubectl apply needs them: before
 * sending it asks whether the PATCH operation of the kind takes the fieldValidation parameter, and without an
 * answer it refuses to apply. The CRD's schema rides along, so {@code kubectl explain ltj.spec} works too.
 */
final class OpenApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "/openapi/v3";

    private final Map<String, String> documents = new LinkedHashMap<>();
    private final String root;

    OpenApiDocuments(List<ServedKind> kinds) {
        ObjectNode paths = JSON.createObjectNode();
        kinds.stream().map(ServedKind::basePath).distinct().forEach(base -> {
            String doc = document(kinds.stream().filter(k -> k.basePath().equals(base)).toList());
            String relative = base.substring(1);
            documents.put(ROOT + "/" + relative, doc);
            // the hash lets clients cache a document until it changes, as the real server's does
            paths.putObject(relative).put("serverRelativeURL", ROOT + "/" + relative + "?hash=" + hash(doc));
        });
        ObjectNode index = JSON.createObjectNode();
        index.set("paths", paths);
        root = index.toString();
    }

    Optional<String> at(String path) {
        String p = path.replaceAll("\\?.*$", "").replaceAll("/+$", "");
        return p.equals(ROOT) ? Optional.of(root) : Optional.ofNullable(documents.get(p));
    }

    private static String document(List<ServedKind> kinds) {
        ObjectNode doc = JSON.createObjectNode().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "lora-training-operator sandbox").put("version", "v1");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        for (ServedKind kind : kinds) {
            String schemaName = schemaName(kind);
            schemas.set(schemaName, schema(kind));
            String item = kind.basePath() + (kind.namespaced() ? "/namespaces/{namespace}/" : "/") + kind.plural()
                    + "/{name}";
            ObjectNode operations = paths.putObject(item);
            operations.set("get", operation(kind, schemaName, "read"));
            ObjectNode patch = operation(kind, schemaName, "patch");
            // what kubectl looks for: fieldValidation among the PATCH parameters of this kind
            patch.withArrayProperty("parameters").addObject().put("name", "fieldValidation").put("in", "query")
                    .putObject("schema").put("type", "string");
            ObjectNode content = patch.putObject("requestBody").putObject("content");
            // no strategic merge patch: kubectl then sends JSON merge patches, as it does for any custom resource
            for (String type : List.of("application/merge-patch+json", "application/json-patch+json")) {
                content.putObject(type).putObject("schema").put("type", "object");
            }
            operations.set("patch", patch);
        }
        return doc.toString();
    }

    private static ObjectNode operation(ServedKind kind, String schemaName, String verb) {
        ObjectNode op = JSON.createObjectNode();
        op.put("operationId", verb + kind.kind());
        op.putObject("x-kubernetes-group-version-kind").put("group", kind.group()).put("version", kind.version())
                .put("kind", kind.kind());
        op.putObject("responses").putObject("200").putObject("content").putObject("application/json")
                .putObject("schema").put("$ref", "#/components/schemas/" + schemaName);
        return op;
    }

    /** The CRD's schema plus the fields every object has; built-in kinds get an open object. */
    private static ObjectNode schema(ServedKind kind) {
        // a CRD's schema as it is, so explain shows what a cluster shows; built-in kinds get an open object
        ObjectNode schema = kind.schema() != null && kind.schema().isObject() ? ((ObjectNode) kind.schema()).deepCopy()
                : JSON.createObjectNode().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true)
                        .put("description", kind.kind() + " (served by the sandbox)");
        ObjectNode properties = schema.withObjectProperty("properties");
        properties.putObject("apiVersion").put("type", "string")
                .put("description", "APIVersion defines the versioned schema of this representation of an object.");
        properties.putObject("kind").put("type", "string")
                .put("description", "Kind is a string value representing the REST resource this object represents.");
        properties.putObject("metadata").put("type", "object").put("description", "Standard object's metadata.");
        ArrayNode gvk = schema.putArray("x-kubernetes-group-version-kind");
        gvk.addObject().put("group", kind.group()).put("kind", kind.kind()).put("version", kind.version());
        return schema;
    }

    /** The real server's naming: the group reversed, then version and kind (io.k8s.api.core.v1.ConfigMap style). */
    private static String schemaName(ServedKind kind) {
        String[] parts = kind.group().isEmpty() ? new String[] {"core"} : kind.group().split("\\.");
        StringBuilder name = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            name.append(parts[i]).append('.');
        }
        return name.append(kind.version()).append('.').append(kind.kind()).toString();
    }

    private static String hash(String doc) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(doc.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16).toUpperCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
