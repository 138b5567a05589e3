package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.status.Outcome;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/** What is sent to steer a remote job: one cancel, resume or edit, recorded before the call. */
@ApplicationScoped
public class ControlSender {
    private final TrainerApi api;

    public ControlSender(TrainerApi api) {
        this.api = api;
    }

    Outcome send(JobPass pass, Decision.Send decision) {
        LoraTrainingJobSpec spec = pass.spec();
        var request = new Outcome.ControlRequested(decision.action(), decision.cause(), pass.now(),
                pass.inputs().fingerprint(spec), pass.inputs().config(),
                spec.getGpuType(), spec.gpuCountOrDefault());
        pass.saveBeforeCall(request);
        try {
            return new Outcome.ControlSent(request, call(pass, request));
        } catch (TrainerException e) {
            // Held back by the shared rate limit: not sent, so nothing to report but when to come back.
            return e.isDeferred() ? new Outcome.Deferred(e.retryAfter().orElse(Schedule.BACKOFF_FLOOR), e.getMessage())
                    : new Outcome.ControlFailed(request, e);
        }
    }

    private RemoteJob call(JobPass pass, Outcome.ControlRequested request) throws TrainerException {
        ApiToken token = pass.inputs().credentials().token();
        String jobId = pass.previous().getJobId();
        return switch (request.action()) {
            case Cancel -> api.cancel(token, jobId);
            case Edit -> api.edit(token, jobId, request.config().yaml());
            case Resume -> gpuChanged(pass.previous().getSubmission(), pass.spec())
                    ? api.resume(token, jobId, request.gpuType().name(), request.gpuCount())
                    : api.resume(token, jobId, null, null);
        };
    }

    /** The GPUs asked for differ from those the job last ran with: the resume carries them. */
    static boolean gpuChanged(Submission submission, LoraTrainingJobSpec spec) {
        if (submission == null || submission.getGpuType() == null) {
            return false;
        }
        GpuType recorded = submission.getGpuType();
        return recorded != spec.getGpuType() || !Objects.equals(submission.getGpuCount(), spec.gpuCountOrDefault());
    }
}
