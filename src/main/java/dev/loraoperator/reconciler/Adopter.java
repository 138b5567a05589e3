package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.events.EventReason;
import jakarta.enterprise.context.ApplicationScoped;

/** Takes over the remote job named by the adopt-job-id annotation: a lost submission, or one made elsewhere. */
@ApplicationScoped
public class Adopter {

    void adopt(Pass pass) {
        String jobId = pass.job.getMetadata().getAnnotations().get(LoraTrainingJob.ADOPT_JOB_ID).trim();
        LoraTrainingJobStatus status = pass.status;
        Submission submission = status.getSubmission() == null ? new Submission() : status.getSubmission();
        submission.setState(SubmissionState.Succeeded);
        submission.setAt(pass.now);
        // The remote job's config is unknown; from now on the spec's config counts as the one it runs.
        if (pass.inputs.config() != null) {
            submission.setConfigHash(pass.inputs.config().hash());
            submission.setConfigName(pass.inputs.config().name());
        }
        submission.setGpuType(pass.job.getSpec().getGpuType());
        submission.setGpuCount(pass.job.getSpec().gpuCountOrDefault());
        status.setSubmission(submission);
        status.setJobId(jobId);
        if (status.getSubmittedAt() == null) {
            status.setSubmittedAt(pass.now);
        }
        status.setError(null);
        pass.event(EventReason.Adopted, "following remote job " + jobId + " named by annotation "
                + LoraTrainingJob.ADOPT_JOB_ID);
    }
}
