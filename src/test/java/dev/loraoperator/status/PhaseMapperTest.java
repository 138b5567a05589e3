package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Progress;
import dev.loraoperator.trainer.RemoteError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhaseMapperTest {
    private static final Progress DONE = new Progress(2000L, 2000L, 100, null, null);
    private static final Progress HALF = new Progress(1000L, 2000L, 50, null, null);

    @ParameterizedTest
    @CsvSource({"IN_QUEUE,Queued", "RESUMING,Queued", "RUNNING,Running", "FAILED,Failed", "CANCELED,Canceled",
            "CANCELLED,Canceled", "running,Running", "in_queue,Queued", "Canceled,Canceled"})
    void mapsRemoteStatusToPhase(String remote, Phase expected) {
        assertThat(PhaseMapper.phaseOf(remote, HALF, null, null, Phase.Pending)).isEqualTo(expected);
    }

    @Test
    void stoppedWithEveryStepAndNoErrorSucceeded() {
        assertThat(PhaseMapper.phaseOf("STOPPED", DONE, null, null, Phase.Running)).isEqualTo(Phase.Succeeded);
    }

    @Test
    void stoppedBeforeTheLastStepIsInterrupted() {
        assertThat(PhaseMapper.phaseOf("STOPPED", HALF, null, null, Phase.Running)).isEqualTo(Phase.Interrupted);
    }

    @Test
    void stoppedWithAResultErrorIsInterruptedEvenAtTheLastStep() {
        RemoteError reclaimed = new RemoteError("TRAINING_ERROR", "Job failed: server was reclaimed.");
        assertThat(PhaseMapper.phaseOf("STOPPED", DONE, reclaimed, null, Phase.Running))
                .isEqualTo(Phase.Interrupted);
    }

    @Test
    void stoppedWithoutProgressCannotBeCalledASuccess() {
        assertThat(PhaseMapper.phaseOf("STOPPED", null, null, null, Phase.Running)).isEqualTo(Phase.Interrupted);
        assertThat(PhaseMapper.phaseOf("STOPPED", new Progress(0L, 0L, 0, null, null), null, null, Phase.Running))
                .isEqualTo(Phase.Interrupted);
    }

    @Test
    void cancelCausedBySuspensionIsSuspended() {
        assertThat(PhaseMapper.phaseOf("CANCELED", HALF, null, ControlCause.Suspend, Phase.Running))
                .isEqualTo(Phase.Suspended);
    }

    @Test
    void cancelCausedByTheDeadlineIsAFailure() {
        assertThat(PhaseMapper.phaseOf("CANCELED", HALF, null, ControlCause.DeadlineExceeded, Phase.Running))
                .isEqualTo(Phase.Failed);
    }

    @Test
    void unknownRemoteStatusKeepsThePreviousPhase() {
        assertThat(PhaseMapper.phaseOf("WARMING_UP", HALF, null, null, Phase.Running)).isEqualTo(Phase.Running);
        assertThat(PhaseMapper.phaseOf("WARMING_UP", null, null, null, null)).isEqualTo(Phase.Pending);
        assertThat(RemoteStates.of("WARMING_UP").isTerminal()).isFalse();
    }
}
