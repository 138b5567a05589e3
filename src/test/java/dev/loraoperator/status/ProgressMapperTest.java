package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.Checkpoint;
import dev.loraoperator.api.v1alpha1.Progress;
import dev.loraoperator.trainer.RemoteProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMapperTest {

    @Test
    void prefersTheApiNumbers() {
        Progress progress = ProgressMapper.progressOf(new RemoteProgress(320, 2000, 16.0), List.of(), 1000L, false, null);
        assertThat(progress.getCurrentStep()).isEqualTo(320);
        assertThat(progress.getTotalSteps()).isEqualTo(2000);
        assertThat(progress.getPercent()).isEqualTo(16);
        assertThat(progress.getSummary()).isEqualTo("320/2000 (16%)");
        assertThat(progress.getSource()).isEqualTo("Api");
    }

    @Test
    void computesPercentWhenTheApiOmitsIt() {
        Progress progress = ProgressMapper.progressOf(new RemoteProgress(500, 2000, null), List.of(), null, false, null);
        assertThat(progress.getPercent()).isEqualTo(25);
    }

    @Test
    void infersFromCheckpointNamesWhenTheApiSendsNoProgress() {
        List<Checkpoint> checkpoints = List.of(new Checkpoint("a_000000250.safetensors", 250L, "u1"),
                new Checkpoint("a_000000500.safetensors", 500L, "u2"));
        Progress progress = ProgressMapper.progressOf(null, checkpoints, 2000L, false, null);
        assertThat(progress.getCurrentStep()).isEqualTo(500);
        assertThat(progress.getTotalSteps()).isEqualTo(2000);
        assertThat(progress.getSource()).isEqualTo("Checkpoints");
    }

    @Test
    void theFinalCheckpointMeansEveryStepRan() {
        Progress progress = ProgressMapper.progressOf(null, List.of(), 2000L, true, null);
        assertThat(progress.getCurrentStep()).isEqualTo(2000);
        assertThat(progress.getPercent()).isEqualTo(100);
    }

    @Test
    void zeroTotalStepsFromTheApiIsIgnored() {
        Progress previous = new Progress(10L, 100L, 10, "10/100 (10%)", "Api");
        assertThat(ProgressMapper.progressOf(new RemoteProgress(5, 0, null), List.of(), null, false, previous))
                .isSameAs(previous);
    }
    @Test
    void apiNumbersOutsideTheRunAreClampedIntoIt() {
        Progress beyond = ProgressMapper.progressOf(new RemoteProgress(2500, 2000, 125.0), List.of(), null, false, null);
        assertThat(beyond.getCurrentStep()).isEqualTo(2000);
        assertThat(beyond.getPercent()).isEqualTo(100);
        assertThat(beyond.getSummary()).isEqualTo("2000/2000 (100%)");

        Progress negative = ProgressMapper.progressOf(new RemoteProgress(-5, 2000, -3.0), List.of(), null, false, null);
        assertThat(negative.getCurrentStep()).isZero();
        assertThat(negative.getPercent()).isZero();
    }

    @Test
    void theApiPercentIsRoundedDown() {
        assertThat(ProgressMapper.progressOf(new RemoteProgress(339, 2000, 16.95), List.of(), null, false, null)
                .getPercent()).isEqualTo(16);
        assertThat(ProgressMapper.progressOf(new RemoteProgress(1999, 2000, null), List.of(), null, false, null)
                .getPercent()).isEqualTo(99);
    }

    @Test
    void aCheckpointBeyondTheConfiguredStepsCountsAsTheLastStep() {
        List<Checkpoint> checkpoints = List.of(new Checkpoint("a_000002500.safetensors", 2500L, "u"),
                new Checkpoint("a.safetensors", null, "f"));

        Progress progress = ProgressMapper.progressOf(null, checkpoints, 2000L, false, null);

        assertThat(progress.getCurrentStep()).isEqualTo(2000);
        assertThat(progress.getSummary()).isEqualTo("2000/2000 (100%)");
    }

    @Test
    void withoutApiNumbersOrCheckpointsThePreviousProgressStays() {
        Progress previous = new Progress(10L, 100L, 10, "10/100 (10%)", "Api");

        assertThat(ProgressMapper.progressOf(null, List.of(), 2000L, false, previous)).isSameAs(previous);
        assertThat(ProgressMapper.progressOf(null, List.of(new Checkpoint("a.safetensors", null, "f")), 2000L, false,
                previous)).isSameAs(previous);
        assertThat(ProgressMapper.progressOf(null, List.of(new Checkpoint("a_000000250.safetensors", 250L, "u")),
                null, true, previous)).isSameAs(previous);
        assertThat(ProgressMapper.progressOf(null, List.of(new Checkpoint("a_000000250.safetensors", 250L, "u")),
                0L, false, previous)).isSameAs(previous);
    }

    @Test
    void oneStepOfOneIsProgressFromCheckpoints() {
        Progress progress = ProgressMapper.progressOf(new RemoteProgress(0, 0, null),
                List.of(new Checkpoint("a_1.safetensors", 1L, "u")), 1L, false, null);

        assertThat(progress.getSummary()).isEqualTo("1/1 (100%)");
        assertThat(progress.getSource()).isEqualTo("Checkpoints");
    }
}
