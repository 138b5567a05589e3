package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.Phase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health probes answer, and the Prometheus metrics count jobs and requests without naming any resource. */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class ObservabilityTest extends OperatorTestSupport {

    @TestHTTPResource("/")
    URI root;

    private HttpResponse<String> http(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void probesAnswer() throws Exception {
        assertThat(http("q/health/live").statusCode()).isEqualTo(200);
        assertThat(http("q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCountJobsRequestsAndSubmissionsWithLowCardinalityTags() throws Exception {
        create(TestJobs.job(namespace, "counted"));
        String jobId = awaitJobId("counted");
        sim().job(jobId).start().complete();
        awaitPhase("counted", Phase.Succeeded);
        String metrics = http("q/metrics").body();
        assertThat(metrics).contains("lora_operator_jobs{phase=\"Succeeded\"}")
                .containsPattern("lora_operator_trainer_requests_total\\{.*operation=\"submit\".*outcome=\"success\"")
                .contains("lora_operator_trainer_request_duration_seconds_count{operation=\"status\"}")
                .contains("lora_operator_submissions_total{result=\"succeeded\"}");
        assertThat(metrics).doesNotContain(namespace).doesNotContain("counted").doesNotContain(jobId)
                .doesNotContain(SimulatorResource.TOKEN);
    }
}
