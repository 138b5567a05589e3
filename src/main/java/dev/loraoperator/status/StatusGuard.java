package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import java.util.Objects;

/** Keeps what a newer stored status learned when a pass writes its own view over it: never lose a job id. */
public final class StatusGuard {
    private StatusGuard() {
    }

    /** The status to write: {@code ours}, with the stored job id and a further-along submission record kept. */
    public static LoraTrainingJobStatus keepLearned(LoraTrainingJobStatus stored, LoraTrainingJobStatus ours) {
        if (stored == null) {
            return ours;
        }
        LoraTrainingJobStatus merged = StatusCopy.of(ours);
        if (merged.getJobId() == null && stored.getJobId() != null) {
            merged.setJobId(stored.getJobId());
            merged.setSubmission(stored.getSubmission());
            merged.setSubmittedAt(stored.getSubmittedAt());
            if (merged.getRemoteStatus() == null) {
                merged.setRemoteStatus(stored.getRemoteStatus());
            }
            if (merged.getPhase() == dev.loraoperator.api.v1alpha1.Phase.Pending
                    || merged.getPhase() == dev.loraoperator.api.v1alpha1.Phase.Unknown) {
                merged.setPhase(stored.getPhase());
            }
        } else if (sameAttempt(stored.getSubmission(), merged.getSubmission())
                && rank(stored.getSubmission().getState()) > rank(merged.getSubmission().getState())) {
            merged.setSubmission(stored.getSubmission());
        }
        return merged;
    }

    private static boolean sameAttempt(Submission a, Submission b) {
        return a != null && b != null && a.getAttemptId() != null && Objects.equals(a.getAttemptId(), b.getAttemptId());
    }

    /** How far a submission got: Pending, then an answer (refused or uncertain), then a job id. */
    private static int rank(SubmissionState state) {
        if (state == null) {
            return -1;
        }
        return switch (state) {
            case Pending -> 0;
            case Uncertain, Failed -> 1;
            case Succeeded -> 2;
        };
    }
}
