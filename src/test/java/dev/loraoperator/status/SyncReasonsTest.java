package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.conditions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Synced=False reasons make the operator look again with backoff, and which wait for a person. */
class SyncReasonsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "PollFailed, true", "RemoteJobNotFound, true", "IncompleteAnswer, true", "CancelFailed, true",
        "CancelRefused, true", "ResumeFailed, true", "EditFailed, true",
        "ResumeRefused, false", "EditRefused, false", "ActiveJob, false", "ConfigNameChanged, false",
        "MissingCredentials, false", "UnknownRemoteStatus, false", "AdoptConflict, false", "CredentialsGone, false",
        "Synced, false", "null, false"})
    void faultsAreTheFailedReadsAndCallsAndARefusedCancel(String reason, boolean fault) {
        assertThat(SyncReasons.isFault(reason)).isEqualTo(fault);
    }

    @ParameterizedTest
    @CsvSource({
        "False, PollFailed, true",
        "False, ActiveJob, false",
        "True, PollFailed, false"})
    void aStoredStatusIsFaultyOnlyWhileSyncedIsFalseForAFault(String synced, String reason, boolean faulty) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setConditions(conditions("Accepted", "False", "PollFailed", "", "Synced", synced, reason, ""));
        assertThat(SyncReasons.faulty(status)).isEqualTo(faulty);
    }

    @ParameterizedTest
    @CsvSource({"Accepted", "Running"})
    void onlyTheSyncedConditionCounts(String type) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setConditions(conditions(type, "False", "PollFailed", ""));
        assertThat(SyncReasons.faulty(status)).isFalse();
    }
}
