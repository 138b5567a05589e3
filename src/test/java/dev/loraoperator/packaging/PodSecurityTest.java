package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator pod meets the restricted Pod Security Standard, is probed, and runs the documented image. */
class PodSecurityTest {

    @ParameterizedTest
    @MethodSource(Chart.VALUE_SETS_SOURCE)
    void podMeetsTheRestrictedPodSecurityStandard(String valueSet) {
        for (Deployment deployment : deployments(valueSet)) {
            podMeetsTheRestrictedPodSecurityStandard(deployment.getSpec().getTemplate().getSpec());
        }
    }

    private static void podMeetsTheRestrictedPodSecurityStandard(PodSpec pod) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getVolumes()).allSatisfy(volume -> assertThat(volume.getHostPath()).isNull());
        Container container = pod.getContainers().get(0);
        var security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        // With a read-only root filesystem the JVM still needs a writable /tmp.
        assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    }

    @ParameterizedTest
    @MethodSource(Chart.VALUE_SETS_SOURCE)
    void probesUseTheQuarkusHealthEndpoints(String valueSet) {
        for (Deployment deployment : deployments(valueSet)) {
            probesUseTheQuarkusHealthEndpoints(deployment.getSpec().getTemplate().getSpec().getContainers().get(0));
        }
    }

    private static void probesUseTheQuarkusHealthEndpoints(Container container) {
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getContainerPort()).isEqualTo(8080);
            assertThat(port.getName()).isEqualTo(container.getLivenessProbe().getHttpGet().getPort().getStrVal());
        });
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
    }

    @Test
    void defaultImageIsTheDocumentedNameTaggedWithTheAppVersion() {
        Container container = deployment(Chart.DEFAULTS).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("loraoperator/lora-training-operator:0.1.0");
        assertThat(deployment("everything-set").getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("my-mirror/lora-training-operator:0.1.0-test");
    }

    @Test
    void withoutLeaderElectionTwoOperatorsNeverOverlap() {
        assertThat(deployment("without-leader-election").getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(deployment(Chart.DEFAULTS).getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment("high-availability").getSpec().getReplicas()).isEqualTo(2);
    }

    /** Every Deployment of the render: one, or one per shard. */
    private static List<Deployment> deployments(String valueSet) {
        return Chart.manifests(valueSet).ofKind("Deployment").stream().map(d -> d.strict(Deployment.class)).toList();
    }

    private static Deployment deployment(String valueSet) {
        return Chart.manifests(valueSet).only("Deployment").strict(Deployment.class);
    }
}
