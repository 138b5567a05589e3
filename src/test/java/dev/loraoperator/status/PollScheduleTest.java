package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.settings.OperatorSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PollScheduleTest {
    private static final Duration QUEUED = Duration.ofSeconds(60);
    private static final Duration RUNNING = Duration.ofSeconds(20);
    private static final Duration RETRY = Duration.ofSeconds(30);

    /** The operator's poll settings, each interval different so that a mix-up shows. */
    private static final OperatorSettings.Poll POLL = new OperatorSettings.Poll() {
        @Override
        public Duration queuedInterval() {
            return QUEUED;
        }

        @Override
        public Duration runningInterval() {
            return RUNNING;
        }

        @Override
        public Duration retryInterval() {
            return RETRY;
        }
    };

    @Test
    void aQueuedOrPendingJobIsReadAtTheQueuedInterval() {
        assertThat(PollSchedule.next(Phase.Queued, true, POLL)).contains(QUEUED);
        assertThat(PollSchedule.next(Phase.Pending, true, POLL)).contains(QUEUED);
    }

    @Test
    void aRunningJobIsReadAtTheRunningInterval() {
        assertThat(PollSchedule.next(Phase.Running, true, POLL)).contains(RUNNING);
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"Succeeded", "Failed", "Canceled", "Interrupted", "Suspended", "Invalid",
        "Unknown"})
    void aJobThatIsNotMovingByItselfIsNotPolled(Phase phase) {
        assertThat(PollSchedule.next(phase, true, POLL)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void anUnsyncedViewIsRetriedWhateverThePhase(Phase phase) {
        assertThat(PollSchedule.next(phase, false, POLL)).contains(RETRY);
    }

    @Test
    void aJobWithoutPhaseIsRetried() {
        assertThat(PollSchedule.next(null, true, POLL)).isEqualTo(Optional.of(RETRY));
    }
}
