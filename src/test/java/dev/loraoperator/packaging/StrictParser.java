package dev.loraoperator.packaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.util.Map;

/**
 * Parses a manifest into the Fabric8 model class of its kind and fails on any field the class does not know.
 * Fabric8's models catch unknown fields in an "additionalProperties" map (@JsonAnySetter); this mapper ignores
 * that annotation, so FAIL_ON_UNKNOWN_PROPERTIES really fails, as the API server's strict field validation would.
 */
final class StrictParser {
    static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("Namespace", Namespace.class),
            Map.entry("CustomResourceDefinition", CustomResourceDefinition.class),
            Map.entry("ServiceAccount", ServiceAccount.class),
            Map.entry("ClusterRole", ClusterRole.class),
            Map.entry("ClusterRoleBinding", ClusterRoleBinding.class),
            Map.entry("Role", Role.class),
            Map.entry("RoleBinding", RoleBinding.class),
            Map.entry("Secret", Secret.class),
            Map.entry("Service", Service.class),
            Map.entry("Deployment", Deployment.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("ConfigMap", ConfigMap.class),
            // From io.fabric8:openshift-model-monitoring: the Prometheus Operator's monitoring.coreos.com/v1 types.
            Map.entry("ServiceMonitor", ServiceMonitor.class),
            Map.entry("PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper STRICT = strictMapper();

    private StrictParser() {
    }

    static <T> T parse(JsonNode tree, Class<T> type) {
        try {
            return STRICT.treeToValue(tree, type);
        } catch (IOException e) {
            throw new AssertionError("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Parses by kind; the apiVersion must also be the one of the model class. */
    static HasMetadata parse(JsonNode tree) {
        String kind = tree.path("kind").asText();
        Class<? extends HasMetadata> type = MODELS.get(kind);
        if (type == null) {
            throw new AssertionError("no model for kind " + kind + " (add it to StrictParser.MODELS if it is meant)");
        }
        String expected = HasMetadata.getApiVersion(type);
        if (!expected.equals(tree.path("apiVersion").asText())) {
            throw new AssertionError(kind + " has apiVersion " + tree.path("apiVersion").asText() + ", expected "
                    + expected);
        }
        return parse(tree, type);
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        // Registers Fabric8's modules (IntOrString, Quantity, polymorphic lists, ...) on this mapper.
        new KubernetesSerialization(mapper, false);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated member) {
                return Boolean.FALSE;
            }
        });
        return mapper;
    }
}
