package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.packaging.MonitoringQueries;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Health probes answer, the Prometheus metrics count jobs and requests without naming any resource, and the shipped
 * dashboard and alert rules read only series the operator exports.
 */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class ObservabilityTest extends OperatorTestSupport {

    /** Written by Prometheus for every scrape target, not by the operator. */
    private static final String PROMETHEUS_SCRAPE_HEALTH = "up";

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
        // The gauge counts every resource the operator knows by phase (other tests' resources too): it must agree
        // with the cluster, which holds at least this one. It follows the status write within the same pass.
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
            long inCluster = client.resources(dev.loraoperator.api.v1alpha1.LoraTrainingJob.class).inAnyNamespace()
                    .list().getItems().stream().filter(j -> j.getStatus() != null
                            && j.getStatus().getPhase() == Phase.Succeeded).count();
            return inCluster >= 1 && value(http("q/metrics").body(), succeeded) == inCluster;
        });
        assertThat(metrics).contains("lora_operator_trainer_request_duration_seconds_count{operation=\"status\"}");
        assertThat(metrics).doesNotContain(namespace).doesNotContain("counted").doesNotContain(jobId)
                .doesNotContain(SimulatorResource.TOKEN);
    }

    /** The value of one series in the Prometheus text format, 0 when it is not there yet. */
    private static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }

    @Test
    void everyDashboardAndAlertQueryReadsOnlySeriesTheOperatorExports() throws Exception {
        // Every meter is registered at startup, so each series exists before any job does.
        Set<String> exported = http("q/metrics").body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        Map<String, String> queries = new LinkedHashMap<>(MonitoringQueries.dashboardQueries());
        MonitoringQueries.alertQueries().forEach((alert, expr) -> queries.put("alert " + alert, expr));
        assertThat(queries).hasSizeGreaterThan(20);
        for (Map.Entry<String, String> query : queries.entrySet()) {
            Set<String> names = MonitoringQueries.metricNames(query.getValue());
            assertThat(names).as(query.getKey() + ": " + query.getValue()).isNotEmpty();
            names.remove(PROMETHEUS_SCRAPE_HEALTH);
            assertThat(names).allSatisfy(name -> assertThat(exported.contains(name))
                    .as(query.getKey() + " reads " + name + ", which the operator does not export").isTrue());
        }
    }
}
