package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

    @Test
    void theFirstMergeStampsEveryConditionWithNowAndTheGeneration() {
        List<JobCondition> merged = Conditions.merge(null, List.of(new Desired("Accepted", true, "Valid", null),
                new Desired("Running", false, "Queued", "phase is Queued")), 3, "2026-01-01T00:00:00Z");

        assertThat(merged).usingRecursiveFieldByFieldElementComparator().containsExactly(
                new JobCondition("Accepted", "True", 3L, "2026-01-01T00:00:00Z", "Valid", ""),
                new JobCondition("Running", "False", 3L, "2026-01-01T00:00:00Z", "Queued", "phase is Queued"));
    }

    @Test
    void eachConditionKeepsOnlyItsOwnTransitionTime() {
        List<JobCondition> stored = List.of(
                new JobCondition("Accepted", "True", 1L, "2026-01-01T00:00:00Z", "Valid", ""),
                new JobCondition("Running", "False", 1L, "2026-01-01T00:01:00Z", "Queued", ""));

        List<JobCondition> merged = Conditions.merge(stored, List.of(new Desired("Running", true, "Running", ""),
                new Desired("Accepted", true, "Valid", ""), new Desired("Synced", true, "Synced", "")), 1,
                "2026-01-01T00:09:00Z");

        assertThat(merged).extracting(JobCondition::getType, JobCondition::getLastTransitionTime).containsExactly(
                tuple("Running", "2026-01-01T00:09:00Z"), tuple("Accepted", "2026-01-01T00:00:00Z"),
                tuple("Synced", "2026-01-01T00:09:00Z"));
    }

    @Test
    void findAndIsTrueReadTheStoredConditions() {
        List<JobCondition> stored = List.of(new JobCondition("Accepted", "True", 1L, "t", "Valid", ""),
                new JobCondition("Running", "False", 1L, "t", "Queued", ""));

        assertThat(Conditions.find(stored, "Running")).map(JobCondition::getReason).contains("Queued");
        assertThat(Conditions.find(stored, "Synced")).isEmpty();
        assertThat(Conditions.find(null, "Running")).isEmpty();
        assertThat(Conditions.isTrue(stored, "Accepted")).isTrue();
        assertThat(Conditions.isTrue(stored, "Running")).isFalse();
        assertThat(Conditions.isTrue(stored, "Synced")).isFalse();
        assertThat(Conditions.isTrue(null, "Accepted")).isFalse();
    }
}
