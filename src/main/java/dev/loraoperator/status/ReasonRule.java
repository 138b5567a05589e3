package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;

/** The one word `kubectl get -o wide` shows: why the job waits, or why it failed; none while all is well. */
final class ReasonRule {
    private ReasonRule() {
    }

    static String reason(LoraTrainingJobStatus status, JobFacts facts, Verdict synced, boolean over) {
        Phase phase = status.getPhase();
        if (phase == Phase.Failed) {
            return ConditionRules.failedReason(status);
        }
        if (phase == Phase.Invalid) {
            return PhaseRule.INVALID;
        }
        if (!facts.accepted().ok()) {
            return facts.accepted().reason();
        }
        if (!synced.ok()) {
            return synced.reason();
        }
        if (status.getJobId() == null && facts.datasetsWaiting() != null) {
            return "DatasetNotReady";
        }
        return switch (phase) {
            case Suspended -> "SuspendRequested";
            case Interrupted -> !over ? "Resuming"
                    : Lifecycle.deadlinePassed(facts.spec(), status, facts.now()) ? PhaseRule.DEADLINE : "NoResumeLeft";
            case Pending -> status.getSubmission() != null ? "Submitting" : null;
            default -> null;
        };
    }
}
