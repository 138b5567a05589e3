package dev.loraoperator.metrics;

import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.RateLimiter;
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
public class OperatorMetrics implements RequestObserver {
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

    /** Count and total wait of calls the rate limiter kept back, by cause: how saturated the limit is. */
    @Override
    public void requestDeferred(Operation operation, RateLimiter.Cause cause, Duration wait) {
        Timer.builder("lora_operator_trainer_requests_deferred")
                .description("Trainer API calls not sent because the rate limit had no slot, and the wait asked")
                .tag("operation", operation.tag()).tag("cause", cause.tag()).register(registry).record(wait);
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
