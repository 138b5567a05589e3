package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteStatesTest {

    @Test
    void onlyQueuedResumingAndRunningJobsAreActive() {
        for (RemoteStates state : RemoteStates.values()) {
            assertThat(state.isActive()).as(state.name())
                    .isEqualTo(state == RemoteStates.IN_QUEUE || state == RemoteStates.RESUMING
                            || state == RemoteStates.RUNNING);
        }
    }

    @Test
    void aMissingOrUnknownStatusIsUnrecognizedAndNeitherActiveNorTerminal() {
        assertThat(RemoteStates.of(null)).isEqualTo(RemoteStates.UNRECOGNIZED);
        assertThat(RemoteStates.of("paused")).isEqualTo(RemoteStates.UNRECOGNIZED);
        assertThat(RemoteStates.UNRECOGNIZED.isActive()).isFalse();
        assertThat(RemoteStates.UNRECOGNIZED.isTerminal()).isFalse();
    }

    @Test
    void statusWordsAreReadCaseInsensitivelyWithBothCancelSpellings() {
        assertThat(RemoteStates.of(" running ")).isEqualTo(RemoteStates.RUNNING);
        assertThat(RemoteStates.of("Cancelled")).isEqualTo(RemoteStates.CANCELED);
        assertThat(RemoteStates.of("CANCELED")).isEqualTo(RemoteStates.CANCELED);
    }
}
