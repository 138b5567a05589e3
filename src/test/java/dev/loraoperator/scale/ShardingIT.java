package dev.loraoperator.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.sandbox.Kubeconfig;
import dev.loraoperator.sandbox.OperatorProcess;
import dev.loraoperator.simulator.JobSnapshot;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two shards of the packaged operator, each with its own label selector, Lease and Trainer API (a simulator each,
 * so every remote call names the shard that made it), on one API server: each LoraTrainingJob is submitted exactly
 * once, by the shard whose selector matches it, and the other shard never touches it.
 */
class ShardingIT {

    private static final Path DIR = Path.of("target", "sharding-it").toAbsolutePath();
    private static final String TOKEN = "shard-token";
    private static final String LABEL = "lora-operator.dev/shard";
    // a complete partition: shard b also owns every resource without the label
    private static final Map<String, String> SELECTORS = Map.of("a", LABEL + "=a", "b", LABEL + "!=a");
    private static final Map<String, Map<String, String>> JOBS = Map.of(
            "job-a1", Map.of(LABEL, "a"), "job-a2", Map.of(LABEL, "a"), "job-a3", Map.of(LABEL, "a"),
            "job-b1", Map.of(LABEL, "b"), "job-b2", Map.of(LABEL, "b"), "job-unlabelled", Map.of());

    private static KubernetesMockServer api;
    private static KubernetesClient client;
    private static final Map<String, TrainerSimulator> trainers = new java.util.HashMap<>();
    private static final Map<String, OperatorProcess> shards = new java.util.HashMap<>();

    @BeforeAll
    static void startTwoShards() {
        api = MockApiServer.start(new CountingDispatcher());
        client = TestCluster.client(MockApiServer.url(api));
        TestCluster.install(client, TOKEN);
        Path kubeconfig = Kubeconfig.write(DIR.resolve("kubeconfig"), MockApiServer.url(api));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        for (String shard : SELECTORS.keySet()) {
            TrainerSimulator trainer = TrainerSimulator.start(0, TOKEN, new Timeline(Duration.ZERO, 400));
            trainers.put(shard, trainer);
            Map<String, String> env = new java.util.LinkedHashMap<>(TestCluster.operatorSettings(kubeconfig,
                    trainer.baseUrl(), Duration.ofMillis(300), 100));
            env.put("LORA_OPERATOR_SHARD_SELECTOR", SELECTORS.get(shard));
            // the quick JIT only: two JVMs start at once here, and this test must stay short in mvn verify
            env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
            env.put("LORA_OPERATOR_LEADER_ELECTION_ENABLED", "true");
            env.put("LORA_OPERATOR_LEADER_ELECTION_LEASE_NAME", "lora-training-operator-" + shard);
            env.put("LORA_OPERATOR_LEADER_ELECTION_LEASE_NAMESPACE", TestCluster.OPERATOR_NAMESPACE);
            shards.put(shard, OperatorProcess.start(Path.of("target", "quarkus-app", "quarkus-run.jar"), env,
                    DIR.resolve("operator-" + shard + ".log"), quiet));
        }
        // both start at once: the machine waits for the slower one, not for the sum
        CompletableFuture.allOf(shards.entrySet().stream().map(s -> CompletableFuture.runAsync(() -> s.getValue()
                .awaitReady(Duration.ofSeconds(90)))).toArray(CompletableFuture[]::new)).join();
    }

    @AfterAll
    static void stopEverything() {
        shards.values().forEach(OperatorProcess::close);
        trainers.values().forEach(TrainerSimulator::close);
        if (client != null) {
            client.close();
        }
        if (api != null) {
            api.destroy();
        }
    }

    @Test
    void eachJobIsSubmittedOnceByTheShardWhoseSelectorMatchesIt() {
        JOBS.forEach((name, labels) -> client.resource(TestCluster.job(name, labels, 40, 20)).create());

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(JOBS.keySet()).allSatisfy(name -> assertThat(phase(name)).as(name).isEqualTo(Phase.Succeeded)));

        Map<String, List<String>> submitted = Map.of("a", submittedNames("a"), "b", submittedNames("b"));
        assertThat(submitted.get("a")).containsExactlyInAnyOrder(configNames("job-a1", "job-a2", "job-a3"));
        assertThat(submitted.get("b")).containsExactlyInAnyOrder(configNames("job-b1", "job-b2", "job-unlabelled"));
        trainers.forEach((shard, trainer) -> assertThat(trainer.count(Operation.SUBMIT)).as(shard)
                .isEqualTo(submitted.get(shard).size()));
        // every remote call a shard made was about one of its own jobs
        trainers.forEach((shard, trainer) -> {
            List<String> own = trainer.jobs().stream().map(JobSnapshot::id).toList();
            assertThat(trainer.requests()).allSatisfy(r -> {
                if (r.jobId() != null) {
                    assertThat(own).as(shard + " " + r.path()).contains(r.jobId());
                }
            });
        });
        // the status of each resource names the job of the shard that owns it
        JOBS.keySet().forEach(name -> assertThat(ownerOf(jobIdOf(name))).as(name)
                .isEqualTo(name.equals("job-a1") || name.equals("job-a2") || name.equals("job-a3") ? "a" : "b"));
    }

    @Test
    void eachShardHoldsALeaseOfItsOwn() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Lease> leases = client.leases().inNamespace(TestCluster.OPERATOR_NAMESPACE).list().getItems();
            assertThat(leases).extracting(l -> l.getMetadata().getName())
                    .containsExactlyInAnyOrder("lora-training-operator-a", "lora-training-operator-b");
            assertThat(leases).extracting(l -> l.getSpec().getHolderIdentity()).doesNotContainNull()
                    .doesNotHaveDuplicates();
        });
    }

    private static Phase phase(String name) {
        LoraTrainingJob job = client.resources(LoraTrainingJob.class).withName(name).get();
        return job.getStatus() == null ? null : job.getStatus().getPhase();
    }

    private static String jobIdOf(String name) {
        return client.resources(LoraTrainingJob.class).withName(name).get().getStatus().getJobId();
    }

    private static String ownerOf(String jobId) {
        return trainers.entrySet().stream()
                .filter(t -> t.getValue().jobs().stream().anyMatch(j -> j.id().equals(jobId)))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static List<String> submittedNames(String shard) {
        return trainers.get(shard).jobs().stream().map(JobSnapshot::name).toList();
    }

    private static String[] configNames(String... resources) {
        return Stream.of(resources).map(TestCluster::configName).toArray(String[]::new);
    }
}
