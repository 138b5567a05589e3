package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.DeletionPolicy;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.credentials.Credentials;
import dev.loraoperator.credentials.CredentialsResolver;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.events.EventRecorder;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides what deleting a LoraTrainingJob does to its remote job: cancel it and wait for the API to confirm,
 * or release it at once when there is nothing to cancel or the user chose Orphan.
 */
@ApplicationScoped
public class RemoteJobReleaser {
    private static final Duration MIN_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final TrainerApi api;
    private final CredentialsResolver credentials;
    private final EventRecorder events;

    public RemoteJobReleaser(TrainerApi api, CredentialsResolver credentials, EventRecorder events) {
        this.api = api;
        this.credentials = credentials;
        this.events = events;
    }

    public DeleteControl release(LoraTrainingJob job) {
        LoraTrainingJobStatus status = job.getStatus() == null ? new LoraTrainingJobStatus() : job.getStatus();
        String jobId = status.getJobId();
        if (jobId == null) {
            warnIfUncertain(job, status);
            return DeleteControl.defaultDelete();
        }
        if (RemoteStates.of(status.getRemoteStatus()).isTerminal()) {
            return DeleteControl.defaultDelete(); // nothing runs, nothing to pay for
        }
        if (job.getSpec().deletionPolicyOrDefault() == DeletionPolicy.Orphan) {
            events.record(job, EventReason.RemoteJobOrphaned, "deletionPolicy is Orphan: remote job " + jobId
                    + " is left as it is (status " + status.getRemoteStatus() + ") and is no longer followed");
            return DeleteControl.defaultDelete();
        }
        return cancel(job, jobId);
    }

    private DeleteControl cancel(LoraTrainingJob job, String jobId) {
        Credentials creds = credentials.resolve(job);
        if (!creds.available()) {
            return retryLater(job, jobId, creds.problem());
        }
        try {
            // Read first: a job that ended meanwhile needs no cancel, and a vanished one cannot take one.
            RemoteJob current = api.status(creds.token(), jobId);
            if (RemoteStates.of(current.status()).isTerminal()) {
                return released(job, jobId, "remote job " + jobId + " already ended (" + current.status() + ")");
            }
            RemoteJob answer = api.cancel(creds.token(), jobId);
            if (answer.status() != null && RemoteStates.of(answer.status()).isActive()) {
                // Accepted but not yet confirmed: look again soon; the next pass reads before canceling again.
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(MIN_RETRY);
            }
            return released(job, jobId, "canceled remote job " + jobId
                    + (answer.status() == null ? "" : " (status " + answer.status() + ")"));
        } catch (TrainerException e) {
            if (e.isNotFound() || e.httpStatus() == 409) {
                // Gone, already canceled or already finished: in each case nothing is left running.
                return released(job, jobId, "remote job " + jobId + " needs no cancel: " + e.getMessage());
            }
            return retryLater(job, jobId, e.getMessage());
        }
    }

    private DeleteControl released(LoraTrainingJob job, String jobId, String message) {
        events.record(job, EventReason.RemoteJobReleased, message);
        return DeleteControl.defaultDelete();
    }

    private DeleteControl retryLater(LoraTrainingJob job, String jobId, String why) {
        Duration delay = backoff(job);
        events.record(job, EventReason.CancelFailed, "could not cancel remote job " + jobId + ": " + why
                + "; retrying in " + delay.toSeconds() + "s. To delete without canceling, set "
                + "spec.deletionPolicy: Orphan (remote job " + jobId + " would keep running and costing money)");
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(delay);
    }

    /** Backs off with the time since deletion began, so no counter has to be stored anywhere. */
    static Duration backoff(LoraTrainingJob job) {
        String deletedAt = job.getMetadata().getDeletionTimestamp();
        Duration waited = deletedAt == null ? Duration.ZERO : Duration.between(Instant.parse(deletedAt), Instant.now());
        Duration delay = waited.dividedBy(2);
        return delay.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    private void warnIfUncertain(LoraTrainingJob job, LoraTrainingJobStatus status) {
        var submission = status.getSubmission();
        if (submission != null && (submission.getState() == SubmissionState.Uncertain
                || submission.getState() == SubmissionState.Pending)) {
            events.record(job, EventReason.RemoteJobOrphaned, "submission attempt " + submission.getAttemptId()
                    + " may have created a remote job the operator never learned the id of; it cannot be canceled "
                    + "from here. Check your RunComfy account for a job named after config.name and cancel it there");
        }
    }
}
