package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.JobCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Merges freshly computed conditions into the stored ones; lastTransitionTime moves only when status flips. */
public final class Conditions {
    public static final String TRUE = "True";
    public static final String FALSE = "False";

    private Conditions() {
    }

    /** A condition as wanted now, before timestamps and generation are applied. */
    public record Desired(String type, boolean status, String reason, String message) {
    }

    public static List<JobCondition> merge(List<JobCondition> existing, List<Desired> desired, long generation,
            String now) {
        List<JobCondition> merged = new ArrayList<>();
        for (Desired want : desired) {
            String status = want.status() ? TRUE : FALSE;
            String since = find(existing, want.type()).filter(c -> status.equals(c.getStatus()))
                    .map(JobCondition::getLastTransitionTime).orElse(now);
            merged.add(new JobCondition(want.type(), status, generation, since, want.reason(),
                    want.message() == null ? "" : want.message()));
        }
        return merged;
    }

    public static Optional<JobCondition> find(List<JobCondition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(List<JobCondition> conditions, String type) {
        return find(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
    }
}
