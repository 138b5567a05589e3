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
        String submitted = "lora_operator_submissions_total{result=\"succeeded\"}";
        String succeeded = "lora_operator_jobs{phase=\"Succeeded\"}";
        String submitCalls = "lora_operator_trainer_requests_total{operation=\"submit\",outcome=\"success\"}";
        String before = http("q/metrics").body();
        create(TestJobs.job(namespace, "counted"));
        String jobId = awaitJobId("counted");
        sim().job(jobId).start().complete();
        awaitPhase("counted", Phase.Succeeded);
        String metrics = http("q/metrics").body();
        // Counters are shared with earlier tests in this JVM: compare with the values before this job.
        assertThat(value(metrics, submitted)).isEqualTo(value(before, submitted) + 1);
        assertThat(value(metrics, submitCalls)).isEqualTo(value(before, submitCalls) + 1);
        // The gauge follows the status write within the same pass: wait for that pass to finish.
        org.awaitility.Awaitility.await().atMost(WAIT).until(
                () -> value(http("q/metrics").body(), succeeded) >= value(before, succeeded) + 1);
        assertThat(metrics).contains("lora_operator_trainer_request_duration_seconds_count{operation=\"status\"}");
        assertThat(metrics).doesNotContain(namespace).doesNotContain("counted").doesNotContain(jobId)
                .doesNotContain(SimulatorResource.TOKEN);
    }

    /** The value of one series in the Prometheus text format, 0 when it is not there yet. */
    private static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }
}
