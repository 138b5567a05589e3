package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Puts into the fresh sandbox API what an installed operator finds in a cluster: the CRDs, namespaces, the token Secret. */
final class ClusterSeed {
    static final String USER_AGENT = "lora-sandbox-seed";

    private ClusterSeed() {
    }

    static void apply(String apiUrl, List<JsonNode> crds, SandboxOptions options) {
        // Config.empty(): never pick up the user's own kubeconfig, token or proxy settings
        // its own User-Agent, so that the audit log tells the seed from the operator, which uses the same client
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(apiUrl).withNamespace("default")
                .withUserAgent(USER_AGENT).build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            for (JsonNode crd : crds) {
                client.apiextensions().v1().customResourceDefinitions()
                        .resource(Serialization.unmarshal(crd.toString(), CustomResourceDefinition.class)).create();
            }
            for (String ns : new String[] {"default", SandboxOptions.OPERATOR_NAMESPACE}) {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
                        .withNewStatus().withPhase("Active").endStatus().build()).create();
            }
            // data, not stringData: the mock API server stores objects as sent and does not convert stringData
            String token = Base64.getEncoder().encodeToString(options.token().getBytes(StandardCharsets.UTF_8));
            client.secrets().inNamespace(SandboxOptions.OPERATOR_NAMESPACE).resource(new SecretBuilder()
                    .withNewMetadata().withName(SandboxOptions.SECRET_NAME)
                    .withNamespace(SandboxOptions.OPERATOR_NAMESPACE).endMetadata()
                    .withType("Opaque").withData(Map.of(SandboxOptions.SECRET_KEY, token)).build()).create();
        }
    }
}
