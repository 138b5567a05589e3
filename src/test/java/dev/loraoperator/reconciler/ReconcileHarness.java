package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.credentials.CredentialsResolver;
import dev.loraoperator.events.EventRecorder;
import dev.loraoperator.metrics.OperatorMetrics;
import dev.loraoperator.simulator.MutableClock;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.RecordedRequest;
import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import dev.loraoperator.trainer.HttpTrainerApi;
import dev.loraoperator.trainer.RateLimiter;
import dev.loraoperator.trainer.TrainerApi;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The real reconciler, driven one pass at a time: the project's Trainer API simulator behind the real HTTP client,
 * a Kubernetes API (the Fabric8 mock server) for Secrets, ConfigMaps and Events, a recording status store, and a
 * clock that moves only when told. Tests read as specifications: "pass; the clock moves 2 s; pass; ...".
 */
final class ReconcileHarness implements AutoCloseable {
    static final String OPERATOR_NAMESPACE = "operator-ns";
    static final String TOKEN = "sk-harness-0123456789";
    static final Instant START = Instant.parse("2026-06-01T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final TrainerSimulator sim;
    final KubernetesClient client;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final UnaryOperator<TrainerApi> apiDecorator;
    private final double requestsPerSecond;
    private LoraTrainingJobReconciler reconciler;
    private final Map<String, RecordingStatusStore> stores = new java.util.HashMap<>();
    private RecordingStatusStore store;
    private final String namespace;

    /** What one pass left: when it asked to be called again (null: only on a change), and what it sent. */
    record Pass(Duration rescheduleAfter, List<RecordedRequest> requests, LoraTrainingJobStatus status) {
        long sent(Operation op) {
            return requests.stream().filter(r -> r.operation() == op).count();
        }
    }

    ReconcileHarness(KubernetesClient client, UnaryOperator<TrainerApi> apiDecorator, double requestsPerSecond) {
        this.client = client;
        this.namespace = "h-" + UUID.randomUUID().toString().substring(0, 8);
        this.apiDecorator = apiDecorator;
        this.requestsPerSecond = requestsPerSecond;
        this.sim = TrainerSimulator.start(0, TOKEN, Timeline.manual(), clock);
        this.reconciler = startOperator();
        client.secrets().inNamespace(OPERATOR_NAMESPACE).resource(new SecretBuilder().withNewMetadata()
                .withName("runcomfy-credentials").endMetadata().withStringData(Map.of("token", TOKEN)).build())
                .createOr(r -> r.update());
    }

    ReconcileHarness(KubernetesClient client, UnaryOperator<TrainerApi> apiDecorator) {
        this(client, apiDecorator, TestSettings.UNLIMITED);
    }

    ReconcileHarness(KubernetesClient client) {
        this(client, api -> api);
    }

    /** A fresh operator: nothing held in memory (remembered ids, cached tokens) survives from the previous one. */
    private LoraTrainingJobReconciler startOperator() {
        TestSettings settings = TestSettings.pointingAt(sim.baseUrl()).withRate(requestsPerSecond);
        meters.clear(); // the new process starts its gauges and counters afresh
        OperatorMetrics metrics = new OperatorMetrics(meters, settings);
        TrainerApi api = apiDecorator.apply(new HttpTrainerApi(settings.baseUrl(), Duration.ofSeconds(1),
                Duration.ofSeconds(2), new RateLimiter(requestsPerSecond, clock), metrics));
        CredentialsResolver credentials = new CredentialsResolver(client, settings, clock);
        EventRecorder events = new EventRecorder(client);
        DatasetLookup datasets = namespace -> client.resources(dev.loraoperator.api.v1alpha1.LoraDataset.class)
                .inNamespace(namespace).list().getItems().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.getMetadata().getName(), d -> d));
        return new LoraTrainingJobReconciler(new InputReader(client, credentials, datasets), new RemoteObserver(api),
                new Submitter(api), new ControlSender(api), new RemoteJobReleaser(api, credentials, events, metrics, clock),
                events, metrics, settings, client, clock, new PassCounter(), credentials, new DatasetWatch(),
                new PollLoad(settings, metrics));
    }

    /** The operator process restarts: the stored resource and the remote jobs stay, its memory is gone. */
    void restartOperator() {
        reconciler = startOperator();
    }

    String namespace() {
        return namespace;
    }

    /**
     * Stores a new resource (as kubectl apply would) named {@code name}, changed as {@code spec} says; the next
     * passes are of this one, until {@link #pass(String)} names another.
     */
    ReconcileHarness create(String name, Consumer<LoraTrainingJob> spec) {
        LoraTrainingJob job = dev.loraoperator.operator.TestJobs.job(namespace, name);
        job.getMetadata().setUid(UUID.randomUUID().toString());
        job.getMetadata().setGeneration(1L);
        spec.accept(job);
        store = new RecordingStatusStore(job);
        stores.put(name, store);
        return this;
    }

    /** One reconcile of the resource named {@code name}, which later calls without a name are about too. */
    Pass pass(String name) {
        store = stores.get(name);
        return pass();
    }

    /** One reconcile of the stored resource, as JOSDK would run it. */
    Pass pass() {
        int before = sim.requests().size();
        UpdateControl<LoraTrainingJob> control = reconciler.reconcile(store.stored(), store, JobIdOwners.among(() ->
                client.resources(LoraTrainingJob.class).inAnyNamespace().list().getItems().stream()));
        List<RecordedRequest> all = sim.requests();
        return new Pass(control.getScheduleDelay().map(Duration::ofMillis).orElse(null),
                List.copyOf(all.subList(before, all.size())), status());
    }

    /** The finalizer's pass, for a resource being deleted now. */
    DeleteControl delete() {
        LoraTrainingJob job = store.stored();
        if (job.getMetadata().getDeletionTimestamp() == null) {
            job.getMetadata().setDeletionTimestamp(dev.loraoperator.status.Times.format(clock.instant()));
            store.replace(job, false);
        }
        return reconciler.cleanup(store.stored(), store);
    }

    /** A spec change by the user: a new generation. */
    void editSpec(Consumer<LoraTrainingJob> change) {
        LoraTrainingJob job = store.stored();
        change.accept(job);
        store.replace(job, true);
    }

    /** A metadata change by the user (an annotation): no new generation. */
    void editMetadata(Consumer<LoraTrainingJob> change) {
        LoraTrainingJob job = store.stored();
        change.accept(job);
        store.replace(job, false);
    }

    LoraTrainingJobStatus status() {
        return store.stored().getStatus();
    }

    RecordingStatusStore store() {
        return store;
    }

    String jobId() {
        return status().getJobId();
    }

    List<String> eventReasons() {
        return events().stream().map(Event::getReason).toList();
    }

    List<Event> events() {
        return client.v1().events().inNamespace(namespace).list().getItems();
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    @Override
    public void close() {
        sim.close();
    }
}
