package dev.loraoperator.metrics;

import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.datasets.UploadObserver;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.Outcome;
import dev.loraoperator.trainer.RateLimiter;
import dev.loraoperator.trainer.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus metrics with low-cardinality tags only: never a job, resource or namespace name. Every meter is
 * registered at startup, so dashboards and alert rules find each series (counters at 0) before anything happens.
 */
@Startup // created with the application, not at first use, so that every series is there from the start
@ApplicationScoped
public class OperatorMetrics implements RequestObserver, UploadObserver {
    /** The results {@link #submission(String)} records. */
    public static final List<String> SUBMISSION_RESULTS = List.of("succeeded", "refused", "deferred", "uncertain");
    /** Latency buckets: few enough per operation to stay cheap, enough for a 95th percentile per operation. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    /** Last known phase per resource uid; only counts per phase are exported. */
    private final Map<String, Phase> phases = new ConcurrentHashMap<>();
    private final PollStaleness staleness;
    private final Set<String> cancelFailing = ConcurrentHashMap.newKeySet();
    private final Set<String> credentialsGone = ConcurrentHashMap.newKeySet();
    private final Counter cancelFailures;
    private final Counter uploadedBytes;
    private final Counter uploadedFiles;
    private final Counter uploadFailures;
    /** What every poll interval is multiplied by when the rate limit cannot poll all active jobs on time. */
    private volatile double pollStretch = 1;

    @Inject
    public OperatorMetrics(MeterRegistry registry, OperatorSettings settings) {
        this(registry, settings, Clock.systemUTC());
    }

    OperatorMetrics(MeterRegistry registry, OperatorSettings settings, Clock clock) {
        this.registry = registry;
        // A registry can outlive one start of the application (tests restart Quarkus in one JVM): gauges left bound
        // to an earlier instance's state would hide this one's, since a registry keeps the first of a name and tags.
        registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("lora_operator_"))
                .forEach(registry::remove);
        this.staleness = new PollStaleness(clock);
        for (Phase phase : Phase.values()) {
            gauge("lora_operator_jobs", "LoraTrainingJobs known to this operator, by phase", phases,
                    all -> all.values().stream().filter(p -> p == phase).count()).tag("phase", phase.name())
                    .register(registry);
        }
        for (Operation operation : Operation.values()) {
            for (String outcome : outcomes()) {
                requests(operation, outcome);
            }
            latency(operation);
            rateLimitWait(operation);
        }
        SUBMISSION_RESULTS.forEach(this::submissions);
        registerPolling(settings);
        gauge("lora_operator_rate_limit_requests_per_second", "Configured rate limit of the Trainer API requests",
                settings.trainer(), OperatorSettings.Trainer::requestsPerSecond).register(registry);
        cancelFailures = Counter.builder("lora_operator_cancel_failures")
                .description("Cancel requests that failed (deleting or suspending a job with an active remote job)")
                .register(registry);
        gauge("lora_operator_jobs_cancel_failing", "Jobs whose last cancel attempt failed: the remote job still "
                + "runs and costs money", cancelFailing, Set::size).register(registry);
        gauge("lora_operator_jobs_credentials_gone", "Jobs with an active remote job whose credentials Secret is "
                + "gone while the operator holds no token for them", credentialsGone, Set::size).register(registry);
        uploadedBytes = Counter.builder("lora_operator_dataset_upload_bytes").baseUnit("bytes")
                .description("Dataset bytes uploaded to the Trainer API").register(registry);
        uploadedFiles = Counter.builder("lora_operator_dataset_upload_files")
                .description("Dataset files uploaded to the Trainer API").register(registry);
        uploadFailures = Counter.builder("lora_operator_dataset_upload_failures")
                .description("Dataset file uploads that failed").register(registry);
    }

    private void registerPolling(OperatorSettings settings) {
        Map<PollCadence, Duration> intervals = Map.of(PollCadence.QUEUED, settings.poll().queuedInterval(),
                PollCadence.RUNNING, settings.poll().runningInterval());
        for (PollCadence cadence : PollCadence.values()) {
            // Exported so that alert rules compare staleness with the interval actually configured.
            gauge("lora_operator_poll_interval_seconds", "Configured interval between status reads of an active job",
                    intervals.get(cadence), interval -> interval.toMillis() / 1000.0).tag("cadence", cadence.tag())
                    .register(registry);
            gauge("lora_operator_poll_effective_interval_seconds", "Interval between status reads of an active "
                    + "job actually planned: the configured one, stretched alike for every job when the rate limit "
                    + "cannot poll them all on time", this, m -> intervals.get(cadence).toMillis() / 1000.0
                    * m.pollStretch).tag("cadence", cadence.tag()).register(registry);
            gauge("lora_operator_poll_staleness_seconds", "Seconds since the least recent successful status read "
                    + "among active jobs (0 when there are none)", staleness, s -> s.oldestSeconds(cadence))
                    .tag("cadence", cadence.tag()).register(registry);
        }
    }

    /** Micrometer holds gauge state weakly by default; these objects live as long as the operator. */
    private static <T> Gauge.Builder<T> gauge(String name, String description, T state,
            ToDoubleFunction<T> value) {
        return Gauge.builder(name, state, value).description(description).strongReference(true);
    }

    private static List<String> outcomes() {
        List<String> outcomes = new ArrayList<>(List.of("success"));
        for (Outcome outcome : Outcome.values()) {
            outcomes.add(outcome.name().toLowerCase(Locale.ROOT));
        }
        return outcomes;
    }

    private Counter requests(Operation operation, String outcome) {
        return Counter.builder("lora_operator_trainer_requests").description("Trainer API requests by operation and "
                + "outcome").tag("operation", operation.tag()).tag("outcome", outcome).register(registry);
    }

    private Timer latency(Operation operation) {
        return Timer.builder("lora_operator_trainer_request_duration").description("Trainer API request latency")
                .serviceLevelObjectives(LATENCY_BUCKETS).tag("operation", operation.tag()).register(registry);
    }

    private Timer rateLimitWait(Operation operation) {
        return Timer.builder("lora_operator_rate_limit_wait").description("Trainer API calls held back by the rate "
                + "limit (count) and how long they had to wait (sum)").tag("operation", operation.tag())
                .register(registry);
    }

    private Counter submissions(String result) {
        return Counter.builder("lora_operator_submissions").description("Job submissions by result")
                .tag("result", result).register(registry);
    }

    @Override
    public void requestCompleted(Operation operation, String outcome, Duration latency) {
        requests(operation, outcome).increment();
        latency(operation).record(latency);
    }

    /** A call the rate limit held back (it was not sent), and the wait asked: how saturated the limit is. */
    @Override
    public void requestDeferred(Operation operation, RateLimiter.Cause cause, Duration wait) {
        rateLimitWait(operation).record(wait);
    }

    /** A dataset file reached the Trainer API ({@code via} the direct or the signed upload). */
    @Override
    public void fileUploaded(String via, long bytes) {
        datasetFileUploaded(bytes);
    }

    @Override
    public void uploadFailed(String cause) {
        datasetUploadFailed();
    }

    /** @param result one of {@link #SUBMISSION_RESULTS} */
    public void submission(String result) {
        submissions(result).increment();
    }

    public void phase(String uid, Phase phase) {
        if (phase != null) {
            phases.put(uid, phase);
        }
    }

    /** Every poll interval is now {@code stretch} times the configured one (1: polls on time). */
    public void pollStretch(double stretch) {
        pollStretch = stretch;
    }

    /** The job's remote status was read successfully at {@code at}; it stays polled at this cadence. */
    public void statusRead(String uid, Instant at, PollCadence cadence) {
        staleness.read(uid, at, cadence);
    }

    /**
     * Reading the job's remote status failed; it stays polled at this cadence. {@code lastSyncTime} (the status's,
     * or the submission time if it was never read) counts only when this process has seen no successful read.
     */
    public void statusReadFailed(String uid, Instant lastSyncTime, PollCadence cadence) {
        staleness.readFailed(uid, lastSyncTime, cadence);
    }

    /** The job is not (or no longer) polled: terminal, suspended, waiting for a person, or without a remote job. */
    public void notPolled(String uid) {
        staleness.forget(uid);
    }

    /** After every cancel attempt: {@code true} when it failed (counted once per call), {@code false} once done. */
    public void cancelFailing(String uid, boolean failing) {
        if (failing) {
            cancelFailures.increment();
            cancelFailing.add(uid);
        } else {
            cancelFailing.remove(uid);
        }
    }

    /** Whether the job has an active remote job, its Secret is gone, and the operator holds no token for it. */
    public void credentialsGone(String uid, boolean gone) {
        if (gone) {
            credentialsGone.add(uid);
        } else {
            credentialsGone.remove(uid);
        }
    }

    /** One dataset file reached the Trainer API. */
    public void datasetFileUploaded(long bytes) {
        uploadedFiles.increment();
        uploadedBytes.increment(bytes);
    }

    public void datasetUploadFailed() {
        uploadFailures.increment();
    }

    /** The resource is gone: it no longer counts anywhere. */
    public void forget(String uid) {
        phases.remove(uid);
        staleness.forget(uid);
        cancelFailing.remove(uid);
        credentialsGone.remove(uid);
    }
}
