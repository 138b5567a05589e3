package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object `helm template` renders, for every value set, parses into the Fabric8 model of its kind with
 * unknown fields failing, and names its namespace; the optional objects appear exactly when asked for.
 */
class RenderedManifestsParseStrictlyTest {
    private static final Set<String> CLUSTER_SCOPED = Set.of("CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "Namespace");

    @ParameterizedTest
    @MethodSource(Chart.VALUE_SETS_SOURCE)
    void everyRenderedObjectParsesStrictly(String valueSet) {
        Manifests manifests = Chart.manifests(valueSet);
        assertThat(manifests.documents()).isNotEmpty();
        for (Manifests.Document doc : manifests.documents()) {
            assertThat(doc.strict()).as(doc.toString()).isNotNull();
            if (!CLUSTER_SCOPED.contains(doc.kind())) {
                assertThat(doc.namespace()).as(doc + " names its namespace").isNotBlank();
            }
        }
        assertThat(manifests.ofKind("CustomResourceDefinition")).hasSize(dev.loraoperator.api.CrdFiles.ALL.size());
        assertThat(manifests.ofKind("Deployment")).hasSize(valueSet.equals("sharded") ? 2 : 1);
    }

    @Test
    void defaultsReferenceASecretTheUserCreatesAndScrapeNothing() {
        Manifests manifests = Chart.manifests(Chart.DEFAULTS);
        assertThat(manifests.ofKind("Secret")).isEmpty();
        assertThat(manifests.ofKind("ServiceMonitor")).isEmpty();
        assertThat(manifests.only("Service").strict(Service.class).getSpec().getPorts().get(0).getName())
                .isEqualTo("http-metrics");
    }

    @Test
    void theChartCreatesTheDefaultSecretFromAValueWhenAsked() {
        Secret secret = Chart.manifests("created-secret").only("Secret").strict(Secret.class);
        assertThat(secret.getMetadata().getName()).isEqualTo("runcomfy-credentials");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8))
                .isEqualTo("not-a-real-token");
    }

    @Test
    void metricsValuesAddAServiceMonitorThatSelectsTheMetricsService() {
        Manifests manifests = Chart.manifests("metrics");
        ServiceMonitor monitor = manifests.only("ServiceMonitor").strict(ServiceMonitor.class);
        Service service = manifests.only("Service").strict(Service.class);
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(
                monitor.getSpec().getSelector().getMatchLabels());
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo(service.getSpec().getPorts().get(0).getName());
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
            assertThat(endpoint.getInterval()).isEqualTo("15s");
        });
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(service.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true");
    }

    @Test
    void networkPolicyValuesLetTheOperatorPodsReachOnlyDnsTheApiServerAndTheTrainer() {
        assertThat(Chart.manifests(Chart.DEFAULTS).ofKind("NetworkPolicy")).isEmpty();
        Manifests manifests = Chart.manifests("network-policy");
        NetworkPolicy policy = manifests.only("NetworkPolicy").strict(NetworkPolicy.class);
        Deployment deployment = manifests.only("Deployment").strict(Deployment.class);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        assertThat(policy.getSpec().getEgress()).extracting(this::describe).containsExactly(
                "[kube-system k8s-app=kube-dns] UDP/53 TCP/53",
                "[172.18.0.2/32] TCP/6443",
                "[203.0.113.0/24, 198.51.100.7/32] TCP/443");
    }

    /** One egress rule as "[peers] protocol/port ...": a namespace+pod selector or an ipBlock per peer. */
    private String describe(NetworkPolicyEgressRule rule) {
        String peers = rule.getTo().stream().map(p -> p.getIpBlock() != null ? p.getIpBlock().getCidr()
                : p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name") + " "
                        + p.getPodSelector().getMatchLabels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(","))).collect(Collectors.joining(", "));
        return "[" + peers + "] " + rule.getPorts().stream().map(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
                .collect(Collectors.joining(" "));
    }

    @Test
    void aDigestPinsTheImageAndOverridesTheTag() {
        String defaults = Chart.manifests(Chart.DEFAULTS).only("Deployment").strict(Deployment.class).getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage();
        String pinned = Chart.manifests("network-policy").only("Deployment").strict(Deployment.class).getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage();
        assertThat(defaults).isEqualTo("loraoperator/lora-training-operator:0.1.0");
        assertThat(pinned).isEqualTo("loraoperator/lora-training-operator@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    @Test
    void namespacedModeRendersNoClusterWideRbac() {
        Manifests manifests = Chart.manifests("namespaced");
        assertThat(manifests.ofKind("ClusterRole")).isEmpty();
        assertThat(manifests.ofKind("ClusterRoleBinding")).isEmpty();
        assertThat(manifests.ofKind("Role")).extracting(Manifests.Document::namespace)
                .containsExactlyInAnyOrder("team-a", "team-b", Chart.NAMESPACE);
    }
}
