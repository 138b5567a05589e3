package dev.loraoperator.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark names each Kubernetes request the way kube-apiserver's audit log does. */
class KubeRequestTest {

    @Test
    void namespacedItemsListsWatchesAndSubresources() {
        assertThat(key("PUT", "/apis/training.lora-operator.dev/v1alpha1/namespaces/default/loratrainingjobs/a/status"))
                .isEqualTo("update loratrainingjobs/status");
        assertThat(key("PATCH", "/apis/training.lora-operator.dev/v1alpha1/namespaces/default/loratrainingjobs/a"))
                .isEqualTo("patch loratrainingjobs");
        assertThat(key("GET", "/api/v1/namespaces/ops/secrets/token")).isEqualTo("get secrets");
        assertThat(key("POST", "/api/v1/namespaces/default/events")).isEqualTo("create events");
        assertThat(key("GET", "/apis/training.lora-operator.dev/v1alpha1/loratrainingjobs?labelSelector=x&watch=true"))
                .isEqualTo("watch loratrainingjobs");
        assertThat(key("GET", "/apis/training.lora-operator.dev/v1alpha1/loratrainingjobs?resourceVersion=0"))
                .isEqualTo("list loratrainingjobs");
    }

    @Test
    void namespacesThemselvesAndOtherPaths() {
        assertThat(key("GET", "/api/v1/namespaces/default")).isEqualTo("get namespaces");
        assertThat(key("GET", "/api/v1/namespaces")).isEqualTo("list namespaces");
        assertThat(KubeRequest.parse("GET", "/version")).isEmpty();
    }

    @Test
    void onlyChangesAreWrites() {
        assertThat(KubeRequest.parse("DELETE", "/api/v1/namespaces/a/events/e").orElseThrow().isWrite()).isTrue();
        assertThat(KubeRequest.parse("GET", "/api/v1/namespaces/a/events/e").orElseThrow().isWrite()).isFalse();
    }

    @Test
    void percentilesAreNearestRank() {
        java.util.List<Double> sorted = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        assertThat(ScaleRun.percentile(sorted, 50)).isEqualTo(50.0);
        assertThat(ScaleRun.percentile(sorted, 99)).isEqualTo(99.0);
        assertThat(ScaleRun.percentile(sorted, 100)).isEqualTo(100.0);
        assertThat(ScaleRun.percentile(java.util.List.of(), 50)).isNaN();
    }

    private static String key(String method, String path) {
        return KubeRequest.parse(method, path).orElseThrow().key();
    }
}
