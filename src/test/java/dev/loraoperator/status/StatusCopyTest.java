package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.following;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Progress;
import org.junit.jupiter.api.Test;

/** A pass works on a deep copy of the stored status, and writes only when the content differs. */
class StatusCopyTest {

    @Test
    void aCopyHasTheSameContentAndEditingItLeavesTheStoredStatusAlone() {
        LoraTrainingJobStatus stored = following("RUNNING", Phase.Running);
        LoraTrainingJobStatus copy = StatusCopy.of(stored);
        assertThat(copy).isNotSameAs(stored);
        assertThat(StatusCopy.same(stored, copy)).isTrue();
        copy.getSubmission().setConfigHash("h2");
        assertThat(stored.getSubmission().getConfigHash()).isEqualTo("h1");
        assertThat(StatusCopy.same(stored, copy)).isFalse();
    }

    @Test
    void noStoredStatusCopiesAsAnEmptyOne() {
        LoraTrainingJobStatus empty = StatusCopy.of(null);
        assertThat(empty.getPhase()).isNull();
        assertThat(StatusCopy.same(empty, new LoraTrainingJobStatus())).isTrue();
        assertThat(StatusCopy.same(null, null)).isTrue();
        assertThat(StatusCopy.same(null, empty)).isFalse();
        assertThat(StatusCopy.same(empty, null)).isFalse();
    }

    @Test
    void progressIsComparedByContent() {
        Progress tenSteps = new Progress(10L, 1000L, 1, "10/1000 (1%)", "Api");
        assertThat(StatusCopy.sameProgress(tenSteps, new Progress(10L, 1000L, 1, "10/1000 (1%)", "Api"))).isTrue();
        assertThat(StatusCopy.sameProgress(tenSteps, new Progress(20L, 1000L, 2, "20/1000 (2%)", "Api"))).isFalse();
        assertThat(StatusCopy.sameProgress(null, null)).isTrue();
        assertThat(StatusCopy.sameProgress(tenSteps, null)).isFalse();
        assertThat(StatusCopy.sameProgress(null, tenSteps)).isFalse();
    }
}
