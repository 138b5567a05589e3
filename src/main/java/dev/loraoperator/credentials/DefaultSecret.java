package dev.loraoperator.credentials;

import dev.loraoperator.settings.OperatorSettings;
import java.util.List;

/** The operator-wide credentials Secret, and the namespaces whose jobs may use it. */
public record DefaultSecret(String namespace, String name, String key, List<String> servedNamespaces) {
    /** In {@link #servedNamespaces}: every namespace. */
    public static final String ALL_NAMESPACES = "*";

    public static DefaultSecret of(OperatorSettings.DefaultCredentials settings) {
        return new DefaultSecret(settings.namespace(), settings.name(), settings.key(), settings.namespaces());
    }

    public boolean serves(String jobNamespace) {
        return servedNamespaces.contains(ALL_NAMESPACES) || servedNamespaces.contains(jobNamespace);
    }
}
