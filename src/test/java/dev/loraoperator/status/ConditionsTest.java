package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.status.Conditions.Desired;
import dev.loraoperator.api.v1alpha1.JobCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void keepsLastTransitionTimeWhileTheStatusStaysTheSame() {
        List<JobCondition> first = Conditions.merge(List.of(), List.of(new Desired("Running", true, "Running", "a")), 1,
                "2026-01-01T00:00:00Z");
        List<JobCondition> second = Conditions.merge(first, List.of(new Desired("Running", true, "Running", "b")), 2,
                "2026-01-01T00:05:00Z");
        assertThat(second.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(second.get(0).getMessage()).isEqualTo("b");
        assertThat(second.get(0).getObservedGeneration()).isEqualTo(2);
    }

    @Test
    void movesLastTransitionTimeWhenTheStatusFlips() {
        List<JobCondition> first = Conditions.merge(List.of(), List.of(new Desired("Running", true, "Running", "")), 1,
                "2026-01-01T00:00:00Z");
        List<JobCondition> second = Conditions.merge(first, List.of(new Desired("Running", false, "Succeeded", "")), 1,
                "2026-01-01T00:05:00Z");
        assertThat(second.get(0).getStatus()).isEqualTo("False");
        assertThat(second.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T00:05:00Z");
    }
}
