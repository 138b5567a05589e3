package dev.loraoperator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.simulator.MutableClock;
import dev.loraoperator.trainer.Operation;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the dashboard and the alert rules read: present from the start, counted per job, never naming one. */
class OperatorMetricsTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(START);
    private final OperatorMetrics metrics = new OperatorMetrics(registry,
            settings(Map.of("lora-operator.poll.queued-interval", "90s", "lora-operator.trainer.requests-per-second",
                    "2.5")), clock);

    @Test
    void everySeriesExistsBeforeAnythingHappens() {
        assertThat(registry.get("lora_operator_jobs").gauges()).hasSize(Phase.values().length)
                .allSatisfy(gauge -> assertThat(gauge.value()).isZero());
        assertThat(registry.get("lora_operator_trainer_requests").counters())
                .hasSize(Operation.values().length * 4).allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.get("lora_operator_trainer_request_duration").timers()).hasSize(Operation.values().length);
        assertThat(registry.get("lora_operator_rate_limit_wait").timers()).hasSize(Operation.values().length);
        assertThat(registry.get("lora_operator_submissions").counters()).extracting(c -> c.getId().getTag("result"))
                .containsExactlyInAnyOrderElementsOf(OperatorMetrics.SUBMISSION_RESULTS);
        for (String counter : new String[] {"lora_operator_cancel_failures", "lora_operator_dataset_upload_bytes",
            "lora_operator_dataset_upload_files", "lora_operator_dataset_upload_failures"}) {
            assertThat(registry.get(counter).counter().count()).as(counter).isZero();
        }
        for (String gauge : new String[] {"lora_operator_jobs_cancel_failing", "lora_operator_jobs_credentials_gone"}) {
            assertThat(registry.get(gauge).gauge().value()).as(gauge).isZero();
        }
        assertThat(staleness("queued")).isZero();
        assertThat(staleness("running")).isZero();
    }

    @Test
    void pollIntervalsAndRateLimitAreTheConfiguredOnes() {
        assertThat(gauge(registry.get("lora_operator_poll_interval_seconds").tag("cadence", "queued"))).isEqualTo(90);
        assertThat(gauge(registry.get("lora_operator_poll_interval_seconds").tag("cadence", "running"))).isEqualTo(20);
        assertThat(gauge(registry.get("lora_operator_rate_limit_requests_per_second"))).isEqualTo(2.5);
    }

    @Test
    void theEffectiveIntervalIsTheConfiguredOneUntilTheRateBudgetStretchesIt() {
        assertThat(effectiveInterval("queued")).isEqualTo(90);
        assertThat(effectiveInterval("running")).isEqualTo(20);
        metrics.pollStretch(1.5);
        assertThat(effectiveInterval("queued")).isEqualTo(135);
        assertThat(effectiveInterval("running")).isEqualTo(30);
    }

    private double effectiveInterval(String cadence) {
        return gauge(registry.get("lora_operator_poll_effective_interval_seconds").tag("cadence", cadence));
    }

    @Test
    void stalenessIsTheAgeOfTheOldestReadPerCadenceAndForgetsJobsNoLongerPolled() {
        metrics.statusRead("a", START.minusSeconds(30), PollCadence.RUNNING);
        metrics.statusRead("b", START.minusSeconds(5), PollCadence.RUNNING);
        metrics.statusRead("c", START.minusSeconds(70), PollCadence.QUEUED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(staleness("running")).isEqualTo(40);
        assertThat(staleness("queued")).isEqualTo(80);

        metrics.statusRead("a", START.plusSeconds(10), PollCadence.RUNNING);
        assertThat(staleness("running")).as("a was read again; b is now the oldest").isEqualTo(15);
        metrics.notPolled("b");
        metrics.forget("c");
        assertThat(staleness("running")).isZero();
        assertThat(staleness("queued")).isZero();
    }

    @Test
    void failedReadsLeaveTheLastSuccessStandingAndAfterARestartFallBackToTheStatus() {
        metrics.statusRead("a", START.minusSeconds(10), PollCadence.RUNNING);
        metrics.statusReadFailed("a", START.minusSeconds(300), PollCadence.RUNNING);
        assertThat(staleness("running")).as("the newer success this process saw counts").isEqualTo(10);
        clock.advance(Duration.ofSeconds(50));
        metrics.statusReadFailed("a", START.minusSeconds(300), PollCadence.RUNNING);
        assertThat(staleness("running")).as("failures do not refresh it").isEqualTo(60);

        metrics.statusReadFailed("restarted", START.minusSeconds(200), PollCadence.QUEUED);
        assertThat(staleness("queued")).as("no success seen since the start: the status's lastSyncTime")
                .isEqualTo(250);
    }

    @Test
    void jobsAreCountedByTheirLatestPhase() {
        metrics.phase("a", Phase.Queued);
        metrics.phase("b", Phase.Queued);
        metrics.phase("a", Phase.Unknown);
        assertThat(jobs(Phase.Queued)).isEqualTo(1);
        assertThat(jobs(Phase.Unknown)).isEqualTo(1);
        metrics.forget("a");
        assertThat(jobs(Phase.Unknown)).isZero();
    }

    @Test
    void cancelFailuresAreCountedEachTimeAndTheFailingJobsUntilTheirCancelSucceeds() {
        metrics.cancelFailing("a", true);
        metrics.cancelFailing("a", true);
        metrics.cancelFailing("b", true);
        assertThat(registry.get("lora_operator_cancel_failures").counter().count()).isEqualTo(3);
        assertThat(registry.get("lora_operator_jobs_cancel_failing").gauge().value()).isEqualTo(2);
        metrics.cancelFailing("a", false);
        metrics.forget("b");
        assertThat(registry.get("lora_operator_jobs_cancel_failing").gauge().value()).isZero();
        assertThat(registry.get("lora_operator_cancel_failures").counter().count()).isEqualTo(3);
    }

    @Test
    void credentialsGoneCountsJobsUntilCleared() {
        metrics.credentialsGone("a", true);
        metrics.credentialsGone("a", true);
        metrics.credentialsGone("b", true);
        assertThat(registry.get("lora_operator_jobs_credentials_gone").gauge().value()).isEqualTo(2);
        metrics.credentialsGone("a", false);
        metrics.forget("b");
        assertThat(registry.get("lora_operator_jobs_credentials_gone").gauge().value()).isZero();
    }

    @Test
    void requestsRateLimitWaitsSubmissionsAndUploadsAccumulate() {
        metrics.requestCompleted(Operation.CANCEL, "outcome_unknown", Duration.ofMillis(300));
        metrics.requestDeferred(Operation.STATUS, dev.loraoperator.trainer.RateLimiter.Cause.RATE, Duration.ofMillis(1500));
        metrics.submission("uncertain");
        metrics.datasetFileUploaded(1024);
        metrics.datasetFileUploaded(2048);
        metrics.datasetUploadFailed();
        assertThat(registry.get("lora_operator_trainer_requests").tag("operation", "cancel")
                .tag("outcome", "outcome_unknown").counter().count()).isEqualTo(1);
        assertThat(registry.get("lora_operator_trainer_request_duration").tag("operation", "cancel").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(300);
        assertThat(registry.get("lora_operator_rate_limit_wait").tag("operation", "status").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(registry.get("lora_operator_submissions").tag("result", "uncertain").counter().count()).isEqualTo(1);
        assertThat(registry.get("lora_operator_dataset_upload_files").counter().count()).isEqualTo(2);
        assertThat(registry.get("lora_operator_dataset_upload_bytes").counter().count()).isEqualTo(3072);
        assertThat(registry.get("lora_operator_dataset_upload_failures").counter().count()).isEqualTo(1);
    }

    @Test
    void noTagEverNamesAJob() {
        metrics.phase("uid-secret-1", Phase.Running);
        metrics.statusRead("uid-secret-1", START, PollCadence.RUNNING);
        metrics.cancelFailing("uid-secret-1", true);
        metrics.credentialsGone("uid-secret-1", true);
        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).allSatisfy(tag -> assertThat(tag.getValue()).doesNotContain("uid"));
        }
    }

    private double staleness(String cadence) {
        return gauge(registry.get("lora_operator_poll_staleness_seconds").tag("cadence", cadence));
    }

    private double jobs(Phase phase) {
        return gauge(registry.get("lora_operator_jobs").tag("phase", phase.name()));
    }

    private static double gauge(RequiredSearch search) {
        return search.gauge().value();
    }

    private static OperatorSettings settings(Map<String, String> values) {
        // Quarkus's own converter reads "20s" the way the running operator does.
        return new SmallRyeConfigBuilder().withMapping(OperatorSettings.class).withDefaultValues(values)
                .withConverter(Duration.class, 200, new DurationConverter()).build()
                .getConfigMapping(OperatorSettings.class);
    }
}
