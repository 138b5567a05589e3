package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.settings.OperatorSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operator setting (each leaf of OperatorSettings, plus the SDK's watched namespaces) is set by the chart's
 * Deployment from a value, under the environment variable the operator reads; the shard selector only by the
 * Deployments of shards.
 */
class OperatorSettingsExposedTest {

    private static final String SHARD_SELECTOR = "LORA_OPERATOR_SHARD_SELECTOR";

    @Test
    void everySettingOfOperatorSettingsIsSetByTheDeployment() {
        Set<String> settings = new TreeSet<>();
        collect("LORA_OPERATOR", OperatorSettings.class, settings);
        assertThat(settings).contains("LORA_OPERATOR_TRAINER_BASE_URL", "LORA_OPERATOR_LEADER_ELECTION_ENABLED");
        settings.remove(SHARD_SELECTOR);
        assertThat(env(Chart.DEFAULTS).keySet()).containsAll(settings).doesNotContain(SHARD_SELECTOR);
    }

    @Test
    void eachShardIsADeploymentWithItsSelectorAndALeaseOfItsOwn() {
        Map<String, Map<String, String>> shards = new TreeMap<>();
        for (Manifests.Document doc : Chart.manifests("sharded").ofKind("Deployment")) {
            shards.put(doc.name(), env(doc.strict(Deployment.class)));
        }
        assertThat(shards.keySet()).containsExactly("lora-training-operator-a", "lora-training-operator-rest");
        assertThat(shards.get("lora-training-operator-a"))
                .containsEntry(SHARD_SELECTOR, "lora-operator.dev/shard=a")
                .containsEntry("LORA_OPERATOR_LEADER_ELECTION_LEASE_NAME", "lora-training-operator-a");
        assertThat(shards.get("lora-training-operator-rest"))
                .containsEntry(SHARD_SELECTOR, "lora-operator.dev/shard!=a")
                .containsEntry("LORA_OPERATOR_LEADER_ELECTION_LEASE_NAME", "lora-training-operator-rest");
    }

    @Test
    void defaultsMatchTheOperatorsOwnDefaultsExceptWhereTheChartKnowsBetter() {
        Map<String, String> env = env(Chart.DEFAULTS);
        assertThat(env).containsEntry("LORA_OPERATOR_TRAINER_BASE_URL", "https://trainer-api.runcomfy.net")
                .containsEntry("LORA_OPERATOR_TRAINER_REQUEST_TIMEOUT", "30s")
                .containsEntry("LORA_OPERATOR_TRAINER_CONNECT_TIMEOUT", "10s")
                .containsEntry("LORA_OPERATOR_TRAINER_REQUESTS_PER_SECOND", "5")
                .containsEntry("LORA_OPERATOR_POLL_QUEUED_INTERVAL", "60s")
                .containsEntry("LORA_OPERATOR_POLL_RUNNING_INTERVAL", "20s")
                .containsEntry("LORA_OPERATOR_POLL_RETRY_INTERVAL", "30s")
                // The Secret and the Lease live where the operator is installed.
                .containsEntry("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAMESPACE", Chart.NAMESPACE)
                .containsEntry("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAME", "runcomfy-credentials")
                .containsEntry("LORA_OPERATOR_DEFAULT_CREDENTIALS_KEY", "token")
                .containsEntry("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAMESPACES", "*")
                .containsEntry("LORA_OPERATOR_LEADER_ELECTION_ENABLED", "true")
                .containsEntry("LORA_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE", Chart.NAMESPACE)
                .containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "JOSDK_ALL_NAMESPACES");
    }

    @Test
    void valuesReachTheirEnvironmentVariables() {
        Map<String, String> env = env("everything-set");
        assertThat(env).containsEntry("LORA_OPERATOR_TRAINER_BASE_URL", "http://trainer-simulator.sandbox.svc:8080")
                .containsEntry("LORA_OPERATOR_TRAINER_REQUESTS_PER_SECOND", "2.5")
                .containsEntry("LORA_OPERATOR_POLL_RETRY_INTERVAL", "PT1M")
                .containsEntry("QUARKUS_LOG_LEVEL", "DEBUG")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60.0")
                .containsEntry("QUARKUS_LOG_CATEGORY__DEV_LORAOPERATOR__LEVEL", "DEBUG");
        assertThat(env("existing-secret")).containsEntry("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAME", "my-runcomfy-token")
                .containsEntry("LORA_OPERATOR_DEFAULT_CREDENTIALS_KEY", "api-token")
                .containsEntry("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAMESPACES", "team-a,team-b");
        assertThat(env("namespaced")).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b");
        assertThat(env("high-availability")).containsEntry("LORA_OPERATOR_LEADER_ELECTION_LEASE_NAME", "ltj-leader");
        assertThat(env("without-leader-election")).containsEntry("LORA_OPERATOR_LEADER_ELECTION_ENABLED", "false");
    }

    static Map<String, String> env(String valueSet) {
        return env(Chart.manifests(valueSet).only("Deployment").strict(Deployment.class));
    }

    private static Map<String, String> env(Deployment deployment) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            assertThat(env.put(var.getName(), var.getValue())).as("set twice: " + var.getName()).isNull();
        }
        return env;
    }

    /** SmallRye's environment names: prefix, then each method name in upper snake case. */
    private static void collect(String prefix, Class<?> group, Set<String> out) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.isSynthetic() || method.isDefault() || method.getParameterCount() > 0) {
                continue;
            }
            String name = prefix + "_" + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == OperatorSettings.class) {
                collect(name, type, out);
            } else {
                out.add(name);
            }
        }
    }
}
