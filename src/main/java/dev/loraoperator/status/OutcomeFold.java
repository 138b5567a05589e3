package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.trainer.TrainerException;
import java.util.TreeMap;

/** Folds what a pass did (a submission, an adoption, a control call) into the status records. */
final class OutcomeFold {
    private OutcomeFold() {
    }

    static void apply(LoraTrainingJobStatus status, Outcome outcome) {
        if (outcome instanceof Outcome.SubmissionPending pending) {
            pending(status, pending);
        } else if (outcome instanceof Outcome.Submitted submitted) {
            submitted(status, submitted);
        } else if (outcome instanceof Outcome.SubmissionFailed failed) {
            submissionFailed(status, failed);
        } else if (outcome instanceof Outcome.MarkedUncertain uncertain) {
            status.getSubmission().setState(SubmissionState.Uncertain);
            status.setError(new JobError("SubmissionUncertain", uncertain.why() + "; the remote job may exist"));
        } else if (outcome instanceof Outcome.Adopted adopted) {
            adopted(status, adopted);
        } else if (outcome instanceof Outcome.ControlRequested request) {
            requested(status, request);
        } else if (outcome instanceof Outcome.ControlSent sent) {
            sent(status, sent);
        } else if (outcome instanceof Outcome.ControlFailed failed) {
            controlFailed(status, failed);
        }
        // Nothing, Held and Deferred change no record.
    }

    private static void pending(LoraTrainingJobStatus status, Outcome.SubmissionPending pending) {
        Submission submission = new Submission(SubmissionState.Pending, pending.attemptId(),
                Times.format(pending.at()), pending.config().hash());
        describe(submission, pending.config());
        submission.setGpuType(pending.gpuType());
        submission.setGpuCount(pending.gpuCount());
        status.setSubmission(submission);
        status.setLastControl(null);
        status.setResumeCount(null);
    }

    private static void submitted(LoraTrainingJobStatus status, Outcome.Submitted submitted) {
        pending(status, submitted.attempt());
        status.setJobId(submitted.remote().id());
        status.getSubmission().setState(SubmissionState.Succeeded);
        status.setSubmittedAt(Times.format(submitted.attempt().at()));
        status.setRemoteStatus(submitted.remote().status());
        status.setActiveSeconds(0L);
        status.setActiveSince(Times.format(submitted.attempt().at()));
        status.setError(null);
    }

    private static void submissionFailed(LoraTrainingJobStatus status, Outcome.SubmissionFailed failed) {
        TrainerException e = failed.failure();
        switch (e.outcome()) {
            case NOT_PROCESSED -> { } // nothing was created: as if never tried, so the next pass simply submits
            case REFUSED -> {
                pending(status, failed.attempt());
                status.getSubmission().setState(SubmissionState.Failed);
                status.getSubmission().setInputFingerprint(failed.inputFingerprint());
                status.setError(new JobError(e.errorCode(), e.getMessage()));
            }
            case OUTCOME_UNKNOWN -> {
                pending(status, failed.attempt());
                status.getSubmission().setState(SubmissionState.Uncertain);
                status.setError(new JobError("SubmissionUncertain", e.getMessage()));
            }
        }
    }

    private static void adopted(LoraTrainingJobStatus status, Outcome.Adopted adopted) {
        Submission submission = status.getSubmission() == null ? new Submission() : status.getSubmission();
        submission.setState(SubmissionState.Succeeded);
        submission.setAt(Times.format(adopted.at()));
        // The remote job's config is unknown; from now on the spec's config counts as the one it runs.
        if (adopted.config() != null) {
            submission.setConfigHash(adopted.config().hash());
            describe(submission, adopted.config());
        }
        submission.setGpuType(adopted.gpuType());
        submission.setGpuCount(adopted.gpuCount());
        status.setSubmission(submission);
        status.setJobId(adopted.jobId());
        if (status.getSubmittedAt() == null) {
            status.setSubmittedAt(Times.format(adopted.at()));
        }
        status.setError(null);
    }

    private static void requested(LoraTrainingJobStatus status, Outcome.ControlRequested request) {
        ControlRecord previous = status.getLastControl();
        // the same auto-resume sent again because its effect never showed: still the attempt counted the first time
        boolean resent = previous != null && previous.is(ControlAction.Resume, ControlCause.AutoResume)
                && (previous.getState() == ControlState.Requested || previous.getState() == ControlState.Sent);
        ControlRecord record = new ControlRecord(request.action(), request.cause(), ControlState.Requested,
                Times.format(request.at()));
        record.setInputFingerprint(request.inputFingerprint());
        status.setLastControl(record);
        if (request.cause() == ControlCause.AutoResume && !resent) {
            status.setResumeCount((status.getResumeCount() == null ? 0 : status.getResumeCount()) + 1);
        }
    }

    private static void sent(LoraTrainingJobStatus status, Outcome.ControlSent sent) {
        Outcome.ControlRequested request = sent.request();
        requested(status, request);
        ControlRecord record = status.getLastControl();
        record.setState(request.action() == ControlAction.Edit ? ControlState.Done : ControlState.Sent);
        if (sent.answer().status() != null) {
            status.setRemoteStatus(sent.answer().status());
            ObservationFold.confirm(record, RemoteStates.of(sent.answer().status()));
        }
        Submission submission = status.getSubmission();
        switch (request.action()) {
            case Cancel -> { }
            case Edit -> {
                submission.setConfigHash(request.config().hash());
                describe(submission, request.config());
            }
            case Resume -> {
                submission.setGpuType(request.gpuType());
                submission.setGpuCount(request.gpuCount());
                status.setError(null);
                status.setFinishedAt(null);
            }
        }
    }

    private static void controlFailed(LoraTrainingJobStatus status, Outcome.ControlFailed failed) {
        TrainerException e = failed.failure();
        if (e.outcome() == dev.loraoperator.trainer.Outcome.NOT_PROCESSED) {
            return; // nothing happened: as if never tried (an auto-resume attempt is not used up)
        }
        requested(status, failed.request());
        if (e.outcome() == dev.loraoperator.trainer.Outcome.REFUSED) {
            ControlRecord record = status.getLastControl();
            record.setState(ControlState.Refused);
            boolean gpuChange = failed.request().action() == ControlAction.Resume && status.getSubmission() != null
                    && (status.getSubmission().getGpuType() != failed.request().gpuType()
                            || !java.util.Objects.equals(status.getSubmission().getGpuCount(), failed.request().gpuCount()));
            record.setMessage(e.getMessage() + (gpuChange
                    ? " (gpuType/gpuCount may not be changeable for an existing job)" : ""));
        }
        // OUTCOME_UNKNOWN keeps Requested: the next pass reads the job and confirms before sending anything again.
    }

    private static void describe(Submission submission, PreparedConfig config) {
        submission.setConfigName(config.name());
        submission.setTotalSteps(config.totalSteps());
        submission.setSaveEvery(config.saveEvery());
        submission.setDatasets(config.datasets().isEmpty() ? null : new TreeMap<>(config.datasets()));
    }
}
