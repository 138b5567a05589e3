package dev.loraoperator.reconciler;

import static dev.loraoperator.reconciler.ScheduleTest.NOW;
import static dev.loraoperator.reconciler.ScheduleTest.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.metrics.OperatorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Which jobs the rate budget counts: each once, at the cadence of its last status, until it settles or is gone. */
class PollLoadTest {
    static final LoraTrainingJobStatus QUEUED = job("IN_QUEUE", Phase.Queued, "True", "Synced", NOW);
    static final LoraTrainingJobStatus RUNNING = job("RUNNING", Phase.Running, "True", "Synced", NOW);
    static final LoraTrainingJobStatus SUCCEEDED = job("STOPPED", Phase.Succeeded, "True", "Synced", NOW);

    // 1 request/s: polls plan on 0.8, which reads 16 running jobs every 20 s
    private final TestSettings settings = TestSettings.pointingAt("http://127.0.0.1:1").withRate(1);
    private final PollLoad load = new PollLoad(settings, new OperatorMetrics(new SimpleMeterRegistry(), settings));

    @Test
    void aJobCountsOnceAtTheCadenceOfItsLastStatusUntilItSettlesOrIsGone() {
        for (int i = 0; i < 16; i++) {
            assertThat(load.track("running-" + i, RUNNING).stretch()).isEqualTo(1.0);
        }
        assertThat(load.track("moving", QUEUED)).isEqualTo(budget(1, 16));
        assertThat(load.track("moving", RUNNING)).as("moved, not counted twice").isEqualTo(budget(0, 17));
        assertThat(load.track("moving", RUNNING)).as("a second pass counts nothing more").isEqualTo(budget(0, 17));
        assertThat(load.track("moving", SUCCEEDED)).as("settled: no longer polled").isEqualTo(budget(0, 16));
        load.track("deleted", RUNNING);
        load.forget("deleted");
        assertThat(load.track("running-0", RUNNING)).isEqualTo(budget(0, 16));
    }

    private PollBudget budget(int queued, int running) {
        return new PollBudget(queued, running, settings.queued(), settings.running(), 1);
    }
}
