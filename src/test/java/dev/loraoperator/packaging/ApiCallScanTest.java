package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytecode scan finds calls whatever the variables are called, and reports what it cannot name. */
class ApiCallScanTest {
    private static final Path FIXTURE = Path.of("target", "test-classes", "dev", "loraoperator", "packaging");

    private static ApiCallScan.Result scanFixture() {
        return ApiCallScan.scan(ApiCallScan.classFiles(FIXTURE).stream()
                .filter(f -> f.getFileName().toString().startsWith(ApiCallScanFixture.class.getSimpleName()))
                .toList(), LoraTrainingJob.class);
    }

    @Test
    void findsEveryRequestAndItsResourceThroughLocalsChainsAndJosdk() {
        ApiCallScan.Result result = scanFixture();
        assertThat(result.calls()).extracting(ApiCallScan.Call::toString).containsExactlyInAnyOrder(
                "core/pods delete",
                "core/secrets get", "core/secrets patch",
                "training.lora-operator.dev/loratrainingjobs list",
                "training.lora-operator.dev/loratrainingjobs/status update",
                "apps/deployments get",
                "coordination.k8s.io/leases get",
                "core/events create",
                "core/configmaps get", "core/configmaps list", "core/configmaps watch",
                "training.lora-operator.dev/loratrainingjobs/status patch");
        assertThat(result.sites()).anySatisfy(s -> assertThat(s.where()).endsWith("ApiCallScanFixture.anyVariableName"));
    }

    @Test
    void reportsWhatItCannotNameInsteadOfSkippingIt() {
        List<String> unresolved = scanFixture().unresolved();
        assertThat(unresolved).hasSize(2);
        assertThat(unresolved).anySatisfy(u -> assertThat(u).contains("handedOver", "get()", "cannot name"));
        assertThat(unresolved).anySatisfy(u -> assertThat(u).contains("unknownMethod", "getKubernetesVersion"));
    }
}
