package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.status.Conditions.Desired;
import java.util.List;

/** Derives every condition from the status fields and two verdicts, so conditions never disagree with the phase. */
public final class ConditionRules {
    private ConditionRules() {
    }

    /**
     * @param accepted whether the spec, config and credentials are usable
     * @param synced whether the operator's view of the remote job is current
     * @param ended whether the job is over for good (no automatic resume left)
     */
    public static List<Desired> desired(LoraTrainingJobStatus status, Verdict accepted, Verdict synced,
            boolean ended) {
        Phase phase = status.getPhase() == null ? Phase.Pending : status.getPhase();
        String phaseMessage = "phase is " + phase;
        return List.of(
                new Desired(ConditionType.Accepted.name(), accepted.ok(), accepted.reason(), accepted.message()),
                submitted(status),
                new Desired(ConditionType.Running.name(), phase == Phase.Running, phase.name(), phaseMessage),
                new Desired(ConditionType.Succeeded.name(), phase == Phase.Succeeded, phase.name(), phaseMessage),
                failed(status, phase),
                new Desired(ConditionType.Suspended.name(), phase == Phase.Suspended,
                        phase == Phase.Suspended ? "SuspendRequested" : "NotSuspended", phaseMessage),
                new Desired(ConditionType.Synced.name(), synced.ok(), synced.reason(), synced.message()),
                new Desired(ConditionType.Finished.name(), ended, phase.name(),
                        ended ? "the job ended: " + phase : phaseMessage));
    }

    /** Only for a job whose config names LoraDatasets: whether they are all Ready, and if not what it waits for. */
    public static Desired datasetsReady(String waiting) {
        return waiting == null ? new Desired(ConditionType.DatasetsReady.name(), true, "DatasetsReady",
                "every LoraDataset the config names is Ready")
                : new Desired(ConditionType.DatasetsReady.name(), false, "DatasetNotReady", waiting);
    }

    private static Desired submitted(LoraTrainingJobStatus status) {
        String type = ConditionType.Submitted.name();
        if (status.getJobId() != null) {
            return new Desired(type, true, "Submitted", "remote job " + status.getJobId());
        }
        SubmissionState state = status.getSubmission() == null ? null : status.getSubmission().getState();
        if (state == null) {
            return new Desired(type, false, "NotSubmitted", "no remote job yet");
        }
        return switch (state) {
            case Pending -> new Desired(type, false, "Submitting", "the submission is being sent");
            case Uncertain -> new Desired(type, false, "SubmissionUncertain", uncertainMessage(status));
            case Failed -> new Desired(type, false, "SubmissionRefused", "the Trainer API refused the submission");
            case Succeeded -> new Desired(type, true, "Submitted", "submitted");
        };
    }

    private static Desired failed(LoraTrainingJobStatus status, Phase phase) {
        String type = ConditionType.Failed.name();
        if (phase != Phase.Failed) {
            return new Desired(type, false, "NotFailed", "phase is " + phase);
        }
        String message = status.getError() == null ? "the job failed" : status.getError().getMessage();
        return new Desired(type, true, failedReason(status), message);
    }

    /** The error code when it is a CamelCase word (DeadlineExceeded, TRAINING_ERROR), else JobFailed. */
    static String failedReason(LoraTrainingJobStatus status) {
        return status.getError() != null && isReason(status.getError().getCode()) ? status.getError().getCode()
                : "JobFailed";
    }

    /** Kubernetes condition reasons must be CamelCase identifiers; API codes such as 42251 are not. */
    static boolean isReason(String code) {
        return code != null && code.matches("[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?");
    }

    public static String uncertainMessage(LoraTrainingJobStatus status) {
        String attempt = status.getSubmission() == null ? "?" : status.getSubmission().getAttemptId();
        return "the submission may have created a remote job; the operator will not submit again by itself. "
                + "If a job exists, set annotation training.lora-operator.dev/adopt-job-id=<job id>; "
                + "if not, set training.lora-operator.dev/retry-submission=" + attempt;
    }
}
