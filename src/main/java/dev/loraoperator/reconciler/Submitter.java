package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.events.EventRecorder;
import dev.loraoperator.metrics.OperatorMetrics;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.SubmitSlot;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The exactly-once submission protocol of design.md: record Pending before the POST, then record what the
 * answer proves. A POST whose outcome is unknown is never repeated by the operator.
 */
@ApplicationScoped
public class Submitter {
    private static final Logger LOG = Logger.getLogger(Submitter.class);

    private final TrainerApi api;
    private final StatusWriter writer;
    private final EventRecorder events;
    private final OperatorMetrics metrics;

    public Submitter(TrainerApi api, StatusWriter writer, EventRecorder events, OperatorMetrics metrics) {
        this.api = api;
        this.writer = writer;
        this.events = events;
        this.metrics = metrics;
    }

    /** What the submission left behind: the (re-read) resource, and when to come back if it was deferred. */
    public record Outcome(LoraTrainingJob job, Duration retryAfter) {
    }

    /**
     * @param finish fills in observedGeneration and conditions before each write, so every write is complete
     */
    public Outcome submit(LoraTrainingJob job, Context<LoraTrainingJob> context, LoraTrainingJobStatus status,
            ApiToken token, PreparedConfig config, String fingerprint, UnaryOperator<LoraTrainingJobStatus> finish,
            String now) {
        SubmitSlot slot;
        try {
            slot = api.reserveSubmission(); // before Pending: waiting for the rate limit must not look like a POST
        } catch (TrainerException e) {
            return new Outcome(job, e.retryAfter().orElse(Duration.ofSeconds(10)));
        }
        String attemptId = UUID.randomUUID().toString().substring(0, 8);
        Submission submission = new Submission(SubmissionState.Pending, attemptId, now, config.hash());
        submission.setConfigName(config.name());
        submission.setGpuType(job.getSpec().getGpuType());
        submission.setGpuCount(job.getSpec().gpuCountOrDefault());
        status.setSubmission(submission);
        status.setLastControl(null);
        status.setResumeCount(null);
        status.setPhase(Phase.Pending);
        // Optimistic locking: if anyone changed the resource since we read it, no POST happens this time.
        LoraTrainingJob current = writer.writeIfCurrent(job, finish.apply(status), context);
        String gpuType = job.getSpec().getGpuType().name();
        int gpuCount = job.getSpec().gpuCountOrDefault();
        try {
            RemoteJob remote = api.submit(slot, token, config.yaml(), gpuType, gpuCount);
            return recordSuccess(current, context, status, remote, finish, now);
        } catch (TrainerException e) {
            return recordFailure(current, context, status, e, fingerprint, finish);
        }
    }

    private Outcome recordSuccess(LoraTrainingJob job, Context<LoraTrainingJob> context,
            LoraTrainingJobStatus status, RemoteJob remote, UnaryOperator<LoraTrainingJobStatus> finish, String now) {
        // Logged before the write: if the write fails, the id is still findable for adoption.
        LOG.infof("%s/%s: submitted remote job %s", job.getMetadata().getNamespace(), job.getMetadata().getName(),
                remote.id());
        status.setJobId(remote.id());
        status.getSubmission().setState(SubmissionState.Succeeded);
        status.setSubmittedAt(now);
        status.setRemoteStatus(remote.status());
        status.setPhase(Phase.Queued);
        status.setError(null);
        LoraTrainingJob written = writer.write(job, finish.apply(status), context);
        metrics.submission("succeeded");
        events.record(written, EventReason.Submitted, "submitted remote job " + remote.id() + " ("
                + job.getSpec().getGpuType() + " x" + job.getSpec().gpuCountOrDefault() + ")");
        return new Outcome(written, null);
    }

    private Outcome recordFailure(LoraTrainingJob job, Context<LoraTrainingJob> context,
            LoraTrainingJobStatus status, TrainerException e, String fingerprint,
            UnaryOperator<LoraTrainingJobStatus> finish) {
        Submission submission = status.getSubmission();
        switch (e.outcome()) {
            case REFUSED -> {
                submission.setState(SubmissionState.Failed);
                submission.setInputFingerprint(fingerprint);
                status.setPhase(Phase.Failed);
                status.setError(new JobError(e.errorCode(), e.getMessage()));
                metrics.submission("refused");
                events.record(job, EventReason.SubmissionRefused, e.getMessage()
                        + "; the operator retries only after the spec or the credentials Secret changes");
            }
            case NOT_PROCESSED -> {
                // Nothing was created: forget the attempt, so the next reconcile simply submits.
                status.setSubmission(null);
                metrics.submission("deferred");
                events.record(job, EventReason.SubmissionDeferred, e.getMessage() + "; will submit again");
            }
            case OUTCOME_UNKNOWN -> {
                submission.setState(SubmissionState.Uncertain);
                status.setPhase(Phase.Unknown);
                status.setError(new JobError("SubmissionUncertain", e.getMessage()));
                metrics.submission("uncertain");
                events.record(job, EventReason.SubmissionUncertain, e.getMessage() + ". "
                        + dev.loraoperator.status.ConditionRules.uncertainMessage(status));
            }
        }
        LoraTrainingJob written = writer.write(job, finish.apply(status), context);
        Duration retry = e.outcome() == dev.loraoperator.trainer.Outcome.NOT_PROCESSED
                ? e.retryAfter().orElse(Duration.ofSeconds(10)) : null;
        return new Outcome(written, retry);
    }
}
