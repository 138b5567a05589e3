package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json turns mistakes into errors at install time: unknown keys, wrong types, unsafe combinations. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "replicas=2                                   | additional properties 'replicas' not allowed",
            "trainer.baseURL=http://x                     | additional properties 'baseURL' not allowed",
            "metrics.serviceMonitor.enable=true           | additional properties 'enable' not allowed",
            "grafana.dashboard.enable=true                | additional properties 'enable' not allowed",
            "prometheusRule.enabled=yes                   | /prometheusRule/enabled",
            "image.pullPolicy=Sometimes                   | /image/pullPolicy",
            "logLevel=verbose                             | /logLevel",
            "poll.queuedInterval=soon                     | /poll/queuedInterval",
            "trainer.requestsPerSecond=0                  | /trainer/requestsPerSecond",
            "watchNamespaces={Team_A}                     | /watchNamespaces/0",
            "defaultCredentials.create=true               | /defaultCredentials/token",
            "serviceAccount.create=false                  | /serviceAccount/name",
            "replicaCount=2,leaderElection.enabled=false  | /leaderElection/enabled",
            "image.digest=sha256:abc                      | /image/digest",
            "image.digest=latest                          | /image/digest",
            "networkPolicy.enabled=true                   | /networkPolicy/kubernetesApi/cidrs",
            "networkPolicy.trainerApi.cidrs={example.com} | /networkPolicy/trainerApi/cidrs/0"})
    void mistakesFailTheRender(String set, String expectedError) {
        // One --set takes comma-separated assignments, as a user would type them.
        List<String> args = List.of("template", Chart.RELEASE, Chart.DIR.toString(), "--set", set);
        Tools.Result result = Tools.run("helm", args);
        assertThat(result.ok()).as("helm template " + set + " should fail").isFalse();
        assertThat(result.stderr()).contains(expectedError);
    }
}
