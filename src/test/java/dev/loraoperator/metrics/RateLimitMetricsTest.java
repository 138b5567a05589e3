package dev.loraoperator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.RateLimiter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rate-limit saturation as a graph would show it: deferred calls by operation and cause, and the waits asked. */
class RateLimitMetricsTest {

    @Test
    void deferralsAreCountedWithTheirWaitByOperationAndCause() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OperatorMetrics metrics = new OperatorMetrics(registry);
        metrics.requestDeferred(Operation.STATUS, RateLimiter.Cause.PRIORITY, Duration.ofMillis(200));
        metrics.requestDeferred(Operation.STATUS, RateLimiter.Cause.PRIORITY, Duration.ofMillis(400));
        metrics.requestDeferred(Operation.CANCEL, RateLimiter.Cause.RETRY_AFTER, Duration.ofMinutes(10));

        Timer polls = registry.get("lora_operator_trainer_requests_deferred").tag("operation", "status")
                .tag("cause", "priority").timer();
        assertThat(polls.count()).isEqualTo(2);
        assertThat(polls.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(600);
        Timer cancels = registry.get("lora_operator_trainer_requests_deferred").tag("operation", "cancel")
                .tag("cause", "retry_after").timer();
        assertThat(cancels.max(TimeUnit.MINUTES)).isEqualTo(10);
    }
}
