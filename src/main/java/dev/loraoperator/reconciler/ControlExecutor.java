package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.status.Verdict;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.Outcome;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;

/** Sends one cancel, resume or edit, with the request recorded first so that no repetition sends it again. */
@ApplicationScoped
public class ControlExecutor {
    private final TrainerApi api;
    private final StatusWriter writer;

    public ControlExecutor(TrainerApi api, StatusWriter writer) {
        this.api = api;
        this.writer = writer;
    }

    /** Applies a decision; returns a delay when the call must be retried later, else null. */
    Duration execute(Pass pass, Control control, Context<LoraTrainingJob> context,
            java.util.function.UnaryOperator<LoraTrainingJobStatus> finish) {
        LoraTrainingJobStatus status = pass.status;
        switch (control.kind()) {
            case NONE -> {
                return null;
            }
            case CONFIRM -> {
                status.getLastControl().setState(ControlState.Done);
                return null;
            }
            case WAIT, BLOCKED -> {
                pass.synced(Verdict.no(control.reason(), control.message()));
                return null;
            }
            case CALL -> {
                return call(pass, control, context, finish);
            }
        }
        throw new IllegalStateException("unhandled control " + control.kind());
    }

    private Duration call(Pass pass, Control control, Context<LoraTrainingJob> context,
            java.util.function.UnaryOperator<LoraTrainingJobStatus> finish) {
        LoraTrainingJobStatus status = pass.status;
        ControlRecord previous = status.getLastControl();
        ControlRecord request = new ControlRecord(control.action(), control.cause(), ControlState.Requested, pass.now);
        request.setInputFingerprint(Controls.input(pass).controlFingerprint());
        status.setLastControl(request);
        if (control.cause() == ControlCause.AutoResume) {
            status.setResumeCount((status.getResumeCount() == null ? 0 : status.getResumeCount()) + 1);
        }
        // Recorded before the call, under optimistic locking: a concurrent pass cannot send it too.
        pass.job = writer.writeIfCurrent(pass.job, finish.apply(status), context);
        ApiToken token = pass.inputs.credentials().token();
        try {
            RemoteJob answer = send(control, pass, token);
            request.setState(ControlState.Done);
            if (answer.status() != null) {
                status.setRemoteStatus(answer.status());
            }
            recordSuccess(pass, control);
            return null;
        } catch (TrainerException e) {
            return recordFailure(pass, control, previous, request, e);
        } finally {
            pass.job = writer.write(pass.job, finish.apply(status), context);
        }
    }

    private RemoteJob send(Control control, Pass pass, ApiToken token) throws TrainerException {
        String jobId = pass.status.getJobId();
        LoraTrainingJobSpec spec = pass.job.getSpec();
        return switch (control.action()) {
            case Cancel -> api.cancel(token, jobId);
            case Edit -> api.edit(token, jobId, pass.inputs.config().yaml());
            case Resume -> gpuChanged(pass.status.getSubmission(), spec)
                    ? api.resume(token, jobId, spec.getGpuType().name(), spec.gpuCountOrDefault())
                    : api.resume(token, jobId, null, null);
        };
    }

    private static void recordSuccess(Pass pass, Control control) {
        LoraTrainingJobStatus status = pass.status;
        LoraTrainingJobSpec spec = pass.job.getSpec();
        String jobId = status.getJobId();
        switch (control.action()) {
            case Cancel -> {
                if (control.cause() == ControlCause.DeadlineExceeded) {
                    status.setError(new JobError("DeadlineExceeded", "activeDeadlineSeconds ("
                            + spec.getActiveDeadlineSeconds() + "s) passed; the operator canceled remote job " + jobId));
                    pass.event(EventReason.DeadlineExceeded, status.getError().getMessage());
                } else {
                    pass.event(EventReason.CancelRequested, "spec.suspend is true: canceled remote job " + jobId
                            + "; set it back to false to resume from the latest checkpoint");
                }
            }
            case Edit -> {
                Submission submission = status.getSubmission();
                submission.setConfigHash(pass.inputs.config().hash());
                submission.setConfigName(pass.inputs.config().name());
                pass.event(EventReason.ConfigEdited, "sent the changed config to remote job " + jobId);
            }
            case Resume -> {
                Submission submission = status.getSubmission();
                submission.setGpuType(spec.getGpuType());
                submission.setGpuCount(spec.gpuCountOrDefault());
                status.setError(null);
                status.setFinishedAt(null);
                pass.event(control.cause() == ControlCause.AutoResume ? EventReason.AutoResumed : EventReason.Resumed,
                        "resumed remote job " + jobId + " (" + control.cause() + ")" + autoResumeNote(pass, control));
            }
        }
    }

    private static Duration recordFailure(Pass pass, Control control, ControlRecord previous, ControlRecord request,
            TrainerException e) {
        LoraTrainingJobStatus status = pass.status;
        EventReason reason = control.action() == ControlAction.Cancel ? EventReason.CancelFailed
                : control.action() == ControlAction.Edit ? EventReason.EditFailed : EventReason.ResumeFailed;
        if (e.outcome() == Outcome.NOT_PROCESSED) {
            status.setLastControl(previous); // nothing happened: as if never tried
            if (control.cause() == ControlCause.AutoResume) {
                status.setResumeCount(status.getResumeCount() - 1);
            }
            pass.event(reason, e.getMessage() + "; will try again");
            return e.retryAfter().orElse(Duration.ofSeconds(10));
        }
        if (e.outcome() == Outcome.REFUSED) {
            request.setState(ControlState.Refused);
            String gpuNote = control.action() == ControlAction.Resume && gpuChanged(status.getSubmission(),
                    pass.job.getSpec()) ? " (gpuType/gpuCount may not be changeable for an existing job)" : "";
            request.setMessage(e.getMessage() + gpuNote);
            pass.synced(Verdict.no(control.action() + "Refused", request.getMessage()));
        }
        // OUTCOME_UNKNOWN keeps Requested: the next pass reads the job and confirms before sending anything again.
        pass.event(reason, "the " + control.action().name().toLowerCase() + " of remote job " + status.getJobId()
                + " failed: " + e.getMessage());
        return null;
    }

    static boolean gpuChanged(Submission submission, LoraTrainingJobSpec spec) {
        if (submission == null || submission.getGpuType() == null) {
            return false;
        }
        GpuType recorded = submission.getGpuType();
        return recorded != spec.getGpuType() || !Objects.equals(submission.getGpuCount(), spec.gpuCountOrDefault());
    }

    private static String autoResumeNote(Pass pass, Control control) {
        return control.cause() != ControlCause.AutoResume ? "" : "; attempt " + pass.status.getResumeCount() + " of "
                + pass.job.getSpec().autoResumeAttempts();
    }
}
