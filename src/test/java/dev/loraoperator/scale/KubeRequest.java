package dev.loraoperator.scale;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes API request as kube-apiserver's audit log names it: a verb (get, list, watch, create, update, patch,
 * delete) and a resource with its subresource (e.g. {@code loratrainingjobs/status}), plus the object's name.
 */
record KubeRequest(String verb, String resource, String name) {

    /** Parses {@code /api/v1/...} and {@code /apis/<group>/<version>/...}; empty for anything else. */
    static Optional<KubeRequest> parse(String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        List<String> s = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        int at;
        if (s.size() >= 3 && s.get(0).equals("api")) {
            at = 2;
        } else if (s.size() >= 4 && s.get(0).equals("apis")) {
            at = 3;
        } else {
            return Optional.empty();
        }
        // namespaces/<ns>/<resource>... is a namespaced resource; namespaces[/<name>] alone is the Namespace kind
        if (s.get(at).equals("namespaces") && s.size() > at + 2) {
            at += 2;
        }
        String resource = s.get(at);
        String name = s.size() > at + 1 ? s.get(at + 1) : null;
        if (s.size() > at + 2) {
            resource += "/" + s.get(at + 2);
        }
        return Optional.of(new KubeRequest(verb(method, name, query), resource, name));
    }

    private static String verb(String method, String name, String query) {
        return switch (method) {
            case "GET" -> Arrays.asList(query.split("&")).contains("watch=true") ? "watch"
                    : name == null ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    boolean isWrite() {
        return isWrite(verb);
    }

    static boolean isWrite(String verb) {
        return switch (verb) {
            case "create", "update", "patch", "delete" -> true;
            default -> false;
        };
    }

    /** The key the benchmark counts by, e.g. {@code patch loratrainingjobs/status}. */
    String key() {
        return verb + " " + resource;
    }
}
