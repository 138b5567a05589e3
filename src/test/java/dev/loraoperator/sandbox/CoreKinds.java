package dev.loraoperator.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.List;

/**
 * The built-in kinds a sandbox user and the operator touch: namespaces, Secrets, ConfigMaps, Events and CRDs. Names
 * come from the Fabric8 model classes; short names and the Event columns are Kubernetes' own.
 */
final class CoreKinds {

    private CoreKinds() {
    }

    static List<ServedKind> all() {
        return List.of(
                kind(Namespace.class, List.of("ns"), true, List.of(PrinterColumn.AGE)),
                kind(Secret.class, List.of(), false, List.of(PrinterColumn.of("Type", "string", ".type"), PrinterColumn.AGE)),
                kind(ConfigMap.class, List.of("cm"), false, List.of(PrinterColumn.AGE)),
                // the columns kubectl shows for events on a real cluster, minus the computed ones
                kind(Event.class, List.of("ev"), false, List.of(
                        PrinterColumn.of("Last Seen", "date", ".lastTimestamp"),
                        PrinterColumn.of("Type", "string", ".type"),
                        PrinterColumn.of("Reason", "string", ".reason"),
                        PrinterColumn.of("Object", "string", ".involvedObject"),
                        PrinterColumn.of("Message", "string", ".message"))),
                kind(CustomResourceDefinition.class, List.of("crd", "crds"), true, List.of(PrinterColumn.AGE)));
    }

    private static ServedKind kind(Class<? extends HasMetadata> type, List<String> shortNames, boolean status,
            List<PrinterColumn> columns) {
        String group = HasMetadata.getGroup(type);
        return new ServedKind(group == null ? "" : group, HasMetadata.getVersion(type), HasMetadata.getKind(type),
                HasMetadata.getPlural(type), HasMetadata.getSingular(type), Namespaced.class.isAssignableFrom(type),
                shortNames, status, columns, null);
    }
}
