package dev.loraoperator.operator;

import static org.awaitility.Awaitility.await;

import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.status.Conditions;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.simulator.JobSnapshot;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.TrainerSimulator;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What every operator test needs: a namespace of its own, the default Secret, and ways to wait and look. */
abstract class OperatorTestSupport {
    static final String OPERATOR_NAMESPACE = "operator-ns";
    static final Duration WAIT = Duration.ofSeconds(20);
    /** lora-operator.poll.retry-interval in src/test/resources/application.properties, plus a margin. */
    static final Duration RETRY_INTERVAL = Duration.ofMillis(600);

    @Inject
    KubernetesClient client;

    @Inject
    dev.loraoperator.reconciler.PassCounter passes;

    String namespace;

    /** Whatever the previous test left behind (armed faults, records), this one starts clean. */
    @BeforeEach
    void freshNamespaceAndSimulator() {
        sim().faults().clear();
        sim().clearRecords();
        namespace = "t-" + UUID.randomUUID().toString().substring(0, 8);
        defaultSecret(SimulatorResource.TOKEN);
    }

    static TrainerSimulator sim() {
        return SimulatorResource.simulator();
    }

    void defaultSecret(String token) {
        secret(OPERATOR_NAMESPACE, "runcomfy-credentials", "token", token);
    }

    /** Creates or replaces a Secret holding one key. */
    void secret(String secretNamespace, String name, String key, String value) {
        client.secrets().inNamespace(secretNamespace).resource(new SecretBuilder().withNewMetadata()
                .withName(name).withNamespace(secretNamespace).endMetadata()
                .withStringData(Map.of(key, value)).build()).createOr(r -> r.update());
    }

    /** Leaves nothing running that could spend another test's calls; faults first, so deletion is not held up. */
    @AfterEach
    void cleanUp() {
        sim().faults().clear();
        client.resources(LoraTrainingJob.class).inNamespace(namespace).delete();
        await().atMost(WAIT).until(() -> client.resources(LoraTrainingJob.class).inNamespace(namespace).list()
                .getItems().isEmpty());
    }

    LoraTrainingJob create(LoraTrainingJob job) {
        job.getMetadata().setNamespace(namespace);
        return client.resource(job).create();
    }

    LoraTrainingJob get(String name) {
        return client.resources(LoraTrainingJob.class).inNamespace(namespace).withName(name).get();
    }

    LoraTrainingJob awaitJob(String name, Predicate<LoraTrainingJob> condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            LoraTrainingJob job = get(name);
            return job != null && condition.test(job);
        });
        return get(name);
    }

    LoraTrainingJob awaitPhase(String name, Phase phase) {
        return awaitJob(name, j -> j.getStatus() != null && j.getStatus().getPhase() == phase);
    }

    /** The simulator's job for a resource, once the operator submitted it. */
    String awaitJobId(String name) {
        return awaitJob(name, j -> j.getStatus() != null && j.getStatus().getJobId() != null).getStatus().getJobId();
    }

    /** A user's change, made again on the newest version when the operator's status write got in between (409). */
    LoraTrainingJob edit(String name, java.util.function.Consumer<LoraTrainingJob> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.resources(LoraTrainingJob.class).inNamespace(namespace).withName(name).edit(j -> {
                    change.accept(j);
                    return j;
                });
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** A label change: a new event for the resource that changes nothing the operator looks at. */
    void poke(String name) {
        edit(name, j -> j.getMetadata().getLabels().put("poke", UUID.randomUUID().toString().substring(0, 8)));
    }

    String condition(LoraTrainingJob job, String type, java.util.function.Function<JobCondition, String> field) {
        return Conditions.find(job.getStatus().getConditions(), type).map(field).orElse(null);
    }

    List<JobSnapshot> remoteJobsNamed(String configName) {
        return sim().jobs().stream().filter(j -> configName.equals(j.name())).toList();
    }

    List<Event> events(String name) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }

    /**
     * Proof that the operator looked at the resource again, twice, after the state the test reached: each look is
     * caused by a label change (so resources that wait for nothing are reconciled too) and counted when the pass
     * completes. Only after this may a test assert that nothing happened.
     */
    void afterTwoMorePasses(String name) {
        String uid = get(name).getMetadata().getUid();
        long start = System.nanoTime();
        int looks = 0;
        // Two looks at least, and past the test retry interval (500 ms), so a retry would have happened too.
        while (looks < 2 || Duration.ofNanos(System.nanoTime() - start).compareTo(RETRY_INTERVAL) < 0) {
            long before = passes.passes(uid);
            poke(name);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> passes.passes(uid) > before);
            looks++;
        }
    }

    void awaitEvent(String name, String reason) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> eventReasons(name).contains(reason));
    }

    List<String> eventReasons(String name) {
        return events(name).stream().map(Event::getReason).toList();
    }

    int calls(Operation op, String jobId) {
        return sim().count(op, jobId);
    }

    String configName(String resourceName) {
        return TestJobs.configName(namespace, resourceName);
    }
}
