package dev.loraoperator.metrics;

import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.datasets.UploadObserver;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prometheus metrics with low-cardinality tags only: never a job, resource or namespace name. */
@ApplicationScoped
public class OperatorMetrics implements RequestObserver, UploadObserver {
    private final MeterRegistry registry;
    /** Last known phase per resource uid; only counts per phase are exported. */
    private final Map<String, Phase> phases = new ConcurrentHashMap<>();

    public OperatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Phase phase : Phase.values()) {
            Gauge.builder("lora_operator_jobs", phases, all -> all.values().stream().filter(p -> p == phase).count())
                    .description("LoraTrainingJobs known to this operator, by phase").tag("phase", phase.name())
                    .strongReference(true) // Micrometer holds gauge state weakly by default
                    .register(registry);
        }
    }

    @Override
    public void requestCompleted(Operation operation, String outcome, Duration latency) {
        Counter.builder("lora_operator_trainer_requests").description("Trainer API requests by operation and outcome")
                .tag("operation", operation.tag()).tag("outcome", outcome).register(registry).increment();
        Timer.builder("lora_operator_trainer_request_duration").description("Trainer API request latency")
                .tag("operation", operation.tag()).register(registry).record(latency);
    }

    @Override
    public void fileUploaded(String via, long bytes) {
        Counter.builder("lora_operator_dataset_upload_files").description("Dataset files uploaded, by endpoint")
                .tag("via", via).register(registry).increment();
        Counter.builder("lora_operator_dataset_upload_bytes").description("Dataset bytes uploaded, by endpoint")
                .baseUnit("bytes").tag("via", via).register(registry).increment(bytes);
    }

    @Override
    public void uploadFailed(String cause) {
        Counter.builder("lora_operator_dataset_upload_failures").description("Dataset uploads that failed, by cause")
                .tag("cause", cause).register(registry).increment();
    }

    /** @param result succeeded, refused, deferred or uncertain */
    public void submission(String result) {
        Counter.builder("lora_operator_submissions").description("Job submissions by result")
                .tag("result", result).register(registry).increment();
    }

    public void phase(String uid, Phase phase) {
        if (phase != null) {
            phases.put(uid, phase);
        }
    }

    public void forget(String uid) {
        phases.remove(uid);
    }
}
