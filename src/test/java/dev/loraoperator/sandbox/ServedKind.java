package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One resource type the sandbox API server describes to clients: its names for discovery, its printer columns for
 * {@code kubectl get}, and its schema (null when none is known) for OpenAPI.
 */
record ServedKind(String group, String version, String kind, String plural, String singular, boolean namespaced,
        List<String> shortNames, boolean statusSubresource, List<PrinterColumn> columns, JsonNode schema) {

    ServedKind {
        shortNames = List.copyOf(shortNames);
        columns = List.copyOf(columns);
    }

    /** {@code v1} for the core group, {@code group/version} otherwise, as apiVersion fields spell it. */
    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The path prefix of the group version: {@code /api/v1} or {@code /apis/group/version}. */
    String basePath() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    boolean servedAt(String pathGroup, String pathVersion, String pathPlural) {
        return group.equals(pathGroup) && version.equals(pathVersion) && plural.equals(pathPlural);
    }
}
