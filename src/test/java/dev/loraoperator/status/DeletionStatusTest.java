package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.T0;
import static dev.loraoperator.status.StatusFixture.following;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import org.junit.jupiter.api.Test;

/** What a deletion held up by its remote job shows: Synced=False with the reason, everything learned kept. */
class DeletionStatusTest {

    @Test
    void syncedSaysWhatHoldsTheDeletionUpInItsOwnPlaceAndEverythingElseStays() {
        LoraTrainingJobStatus running = following("RUNNING", Phase.Running);
        running.setConditions(StatusFixture.conditions("Accepted", "True", "Valid", "", "Synced", "True", "Synced",
                "the status mirrors remote job job-1", "Finished", "False", "Running", ""));
        int at = running.getConditions().indexOf(Conditions.find(running.getConditions(), "Synced").orElseThrow());

        LoraTrainingJobStatus blocked = DeletionStatus.blocked(running, "CredentialsGone", "no token for job-1", 4,
                T0.plusSeconds(60));

        JobCondition synced = blocked.getConditions().get(at);
        assertThat(synced.getType()).isEqualTo("Synced");
        assertThat(synced.getStatus()).isEqualTo("False");
        assertThat(synced.getReason()).isEqualTo("CredentialsGone");
        assertThat(synced.getMessage()).isEqualTo("no token for job-1");
        assertThat(synced.getObservedGeneration()).isEqualTo(4L);
        assertThat(synced.getLastTransitionTime()).isEqualTo(Times.format(T0.plusSeconds(60)));
        assertThat(blocked.getReason()).isEqualTo("CredentialsGone");
        assertThat(blocked.getConditions()).hasSameSizeAs(running.getConditions());
        assertThat(blocked.getJobId()).isEqualTo(running.getJobId());
        assertThat(blocked.getPhase()).isEqualTo(Phase.Running);
        assertThat(running.getReason()).as("the stored status is not edited").isNotEqualTo("CredentialsGone");

        LoraTrainingJobStatus again = DeletionStatus.blocked(blocked, "CredentialsGone", "no token for job-1", 4,
                T0.plusSeconds(120));
        assertThat(StatusCopy.same(again, blocked)).as("the same hold again changes nothing").isTrue();
    }

    @Test
    void aStatusWithoutConditionsOrNoneAtAllGetsSynced() {
        LoraTrainingJobStatus bare = new LoraTrainingJobStatus();
        bare.setConditions(null);
        for (LoraTrainingJobStatus previous : new LoraTrainingJobStatus[] {null, bare}) {
            LoraTrainingJobStatus blocked = DeletionStatus.blocked(previous, "CancelFailed", "409", 1, T0);
            assertThat(blocked.getConditions()).singleElement()
                    .satisfies(c -> assertThat(c.getReason()).isEqualTo("CancelFailed"));
        }
    }
}
