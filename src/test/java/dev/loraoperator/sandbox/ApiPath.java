package dev.loraoperator.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Kubernetes API request path taken apart: {@code /api/v1[/namespaces/NS]/PLURAL[/NAME[/SUB]]} or the same under
 * {@code /apis/GROUP/VERSION}, plus its decoded query parameters.
 */
record ApiPath(String group, String version, String namespace, String plural, String name, String subresource,
        Map<String, String> query) {

    static Optional<ApiPath> parse(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : pathAndQuery.substring(q + 1));
        String[] s = path.replaceAll("^/+|/+$", "").split("/");
        int base;
        String group;
        if (s.length >= 3 && s[0].equals("api")) {
            group = "";
            base = 1;
        } else if (s.length >= 4 && s[0].equals("apis")) {
            group = s[1];
            base = 2;
        } else {
            return Optional.empty();
        }
        String version = s[base];
        int rest = s.length - base - 1;
        // /namespaces/NS/PLURAL... is a namespaced resource; /namespaces and /namespaces/NAME are namespaces themselves
        if (s[base + 1].equals("namespaces") && rest >= 3) {
            return Optional.of(new ApiPath(group, version, s[base + 2], s[base + 3], at(s, base + 4), at(s, base + 5),
                    query));
        }
        return Optional.of(new ApiPath(group, version, null, s[base + 1], at(s, base + 2), at(s, base + 3), query));
    }

    boolean isWatch() {
        return "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
    }

    boolean isCollection() {
        return name == null;
    }

    /** The request path again, with these query parameters left out. */
    String pathWithout(String pathAndQuery, Set<String> dropped) {
        String kept = query.entrySet().stream().filter(e -> !dropped.contains(e.getKey()))
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return pathAndQuery.replaceAll("\\?.*$", "") + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static String at(String[] segments, int i) {
        return i < segments.length ? segments[i] : null;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(decode(key), decode(value));
            }
        }
        return params;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
