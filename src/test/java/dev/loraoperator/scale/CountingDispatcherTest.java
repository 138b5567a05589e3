package dev.loraoperator.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counting API server counts the operator's requests, not the benchmark's, and notes the first Succeeded. */
class CountingDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesMockServer server;
    private KubernetesClient bench;
    private KubernetesClient operator;

    @BeforeEach
    void start() {
        server = MockApiServer.start(new CountingDispatcher());
        bench = TestCluster.client(MockApiServer.url(server));
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(MockApiServer.url(server))
                .withNamespace(TestCluster.JOBS_NAMESPACE).build();
        operator = new KubernetesClientBuilder().withConfig(config).build();
        bench.apiextensions().v1().customResourceDefinitions().load(TestCluster.CRD.toFile()).create();
    }

    @AfterEach
    void stop() {
        bench.close();
        operator.close();
        server.destroy();
    }

    @Test
    void countsByVerbAndResourceAndNotesWhenAndWhichJobSucceeded() throws Exception {
        bench.resource(TestCluster.job("job-1", Map.of(), 10, 5)).create();
        LoraTrainingJob job = operator.resources(LoraTrainingJob.class).withName("job-1").get();
        job.setStatus(status(Phase.Running, "remote-1"));
        job = operator.resource(job).updateStatus();
        assertThat(report(CountingDispatcher.SUCCEEDED_PATH).size()).isZero();

        long before = System.currentTimeMillis();
        job.setStatus(status(Phase.Succeeded, "remote-1"));
        job = operator.resource(job).updateStatus();
        job.getStatus().setJobId("remote-2"); // a later write that still says Succeeded is not the first
        operator.resource(job).updateStatus();

        JsonNode counts = report(CountingDispatcher.COUNTS_PATH);
        assertThat(counts.path("requests").path("get loratrainingjobs").asInt()).isEqualTo(1);
        assertThat(counts.path("requests").path("update loratrainingjobs/status").asInt()).isEqualTo(3);
        assertThat(counts.path("requests").has("create loratrainingjobs")).as("the benchmark's own").isFalse();
        assertThat(counts.path("succeeded").asInt()).isEqualTo(1);
        JsonNode succeeded = report(CountingDispatcher.SUCCEEDED_PATH).path("job-1");
        assertThat(succeeded.path("jobId").asText()).isEqualTo("remote-1");
        assertThat(succeeded.path("at").asLong()).isBetween(before, System.currentTimeMillis());
    }

    private static LoraTrainingJobStatus status(Phase phase, String jobId) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(phase);
        status.setJobId(jobId);
        return status;
    }

    private JsonNode report(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(MockApiServer.url(server) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
