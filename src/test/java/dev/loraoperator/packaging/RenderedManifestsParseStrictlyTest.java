package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
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

    static List<String> valueSets() {
        return Chart.valueSets();
    }

    @ParameterizedTest
    @MethodSource("valueSets")
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
        assertThat(manifests.ofKind("Deployment")).hasSize(1);
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
    void namespacedModeRendersNoClusterWideRbac() {
        Manifests manifests = Chart.manifests("namespaced");
        assertThat(manifests.ofKind("ClusterRole")).isEmpty();
        assertThat(manifests.ofKind("ClusterRoleBinding")).isEmpty();
        assertThat(manifests.ofKind("Role")).extracting(Manifests.Document::namespace)
                .containsExactlyInAnyOrder("team-a", "team-b", Chart.NAMESPACE);
    }
}
