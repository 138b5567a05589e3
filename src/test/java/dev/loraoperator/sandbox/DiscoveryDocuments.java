package dev.loraoperator.sandbox;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents kubectl reads before anything else (/version, /api, /api/v1, /apis, /apis/GROUP/VERSION), built
 * from the served kinds. kubectl also asks for aggregated discovery first; answering in the legacy form, with a
 * plain application/json content type, makes it fall back to these documents.
 */
final class DiscoveryDocuments {

    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

    private final List<ServedKind> kinds;

    DiscoveryDocuments(List<ServedKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** The JSON document served at this path (query ignored), if it is a discovery path. */
    Optional<String> at(String path) {
        String p = path.replaceAll("\\?.*$", "").replaceAll("/+$", "");
        if (p.equals("/version")) {
            return Optional.of(version());
        }
        if (p.equals("/api")) {
            return Optional.of(Serialization.asJson(new APIVersionsBuilder().withVersions(coreVersions()).build()));
        }
        if (p.equals("/apis")) {
            return Optional.of(groups());
        }
        return kinds.stream().filter(k -> k.basePath().equals(p)).findFirst().map(k -> resources(k.groupVersion()));
    }

    /** A version kubectl does not warn about (it warns when the server is more than one minor version away). */
    private static String version() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("major", "1");
        v.put("minor", "35");
        v.put("gitVersion", "v1.35.0-lora-sandbox");
        v.put("platform", "linux/amd64");
        return Serialization.asJson(v);
    }

    private List<String> coreVersions() {
        return kinds.stream().filter(k -> k.group().isEmpty()).map(ServedKind::version).distinct().toList();
    }

    private String groups() {
        APIGroupListBuilder list = new APIGroupListBuilder();
        kinds.stream().filter(k -> !k.group().isEmpty()).map(ServedKind::group).distinct().forEach(group -> {
            List<GroupVersionForDiscovery> versions = kinds.stream().filter(k -> k.group().equals(group))
                    .map(k -> new GroupVersionForDiscovery(k.groupVersion(), k.version())).distinct().toList();
            list.addToGroups(new APIGroupBuilder().withName(group).withVersions(versions)
                    .withPreferredVersion(versions.get(0)).build());
        });
        return Serialization.asJson(list.build());
    }

    private String resources(String groupVersion) {
        APIResourceListBuilder list = new APIResourceListBuilder().withGroupVersion(groupVersion);
        kinds.stream().filter(k -> k.groupVersion().equals(groupVersion)).forEach(k -> {
            list.addToResources(new APIResourceBuilder().withName(k.plural()).withSingularName(k.singular())
                    .withKind(k.kind()).withNamespaced(k.namespaced()).withShortNames(k.shortNames()).withVerbs(VERBS)
                    .build());
            if (k.statusSubresource()) {
                list.addToResources(new APIResourceBuilder().withName(k.plural() + "/status").withSingularName("")
                        .withKind(k.kind()).withNamespaced(k.namespaced()).withVerbs(STATUS_VERBS).build());
            }
        });
        return Serialization.asJson(list.build());
    }
}
