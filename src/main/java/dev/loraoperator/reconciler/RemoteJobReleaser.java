package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.DeletionPolicy;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.credentials.Credentials;
import dev.loraoperator.credentials.CredentialsResolver;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.events.EventRecorder;
import dev.loraoperator.metrics.OperatorMetrics;
import dev.loraoperator.status.DeletionStatus;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.status.StatusCopy;
import dev.loraoperator.status.Times;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * What deleting a LoraTrainingJob does to its remote job: cancel it and wait until the API confirms it ended (or
 * is gone), or release it at once when nothing can be running or the user chose Orphan.
 */
@ApplicationScoped
public class RemoteJobReleaser {
    private static final Logger LOG = Logger.getLogger(RemoteJobReleaser.class);
    private static final Duration MIN_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final TrainerApi api;
    private final CredentialsResolver credentials;
    private final EventRecorder events;
    private final OperatorMetrics metrics;
    private final Clock clock;

    public RemoteJobReleaser(TrainerApi api, CredentialsResolver credentials, EventRecorder events,
            OperatorMetrics metrics, Clock clock) {
        this.api = api;
        this.credentials = credentials;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    public DeleteControl release(LoraTrainingJob job, StatusStore store) {
        LoraTrainingJobStatus status = job.getStatus() == null ? new LoraTrainingJobStatus() : job.getStatus();
        String jobId = status.getJobId();
        if (jobId == null) {
            warnIfUncertain(job, status);
            return DeleteControl.defaultDelete();
        }
        if (certainlyEnded(status)) {
            return DeleteControl.defaultDelete(); // nothing runs, nothing to pay for
        }
        if (job.getSpec().deletionPolicyOrDefault() == DeletionPolicy.Orphan) {
            events.record(job, EventReason.RemoteJobOrphaned, "deletionPolicy is Orphan: remote job " + jobId
                    + " is left as it is (status " + status.getRemoteStatus() + ") and is no longer followed");
            return DeleteControl.defaultDelete();
        }
        return cancel(job, jobId, store);
    }

    /**
     * Ended as recorded, and nothing sent since could have restarted it: a resume that was sent (or may have been)
     * but not yet seen to take effect leaves a recorded STOPPED untrustworthy.
     */
    static boolean certainlyEnded(LoraTrainingJobStatus status) {
        ControlRecord last = status.getLastControl();
        // An action this version cannot read may have been a resume: it counts as one.
        boolean resumeUnseen = last != null && (last.getAction() == ControlAction.Resume || last.getAction() == null)
                && last.getState() != ControlState.Refused && last.getState() != ControlState.Done;
        return RemoteStates.of(status.getRemoteStatus()).isTerminal() && !resumeUnseen;
    }

    private DeleteControl cancel(LoraTrainingJob job, String jobId, StatusStore store) {
        Credentials creds = usableCredentials(job);
        if (!creds.available()) {
            metrics.credentialsGone(job.getMetadata().getUid(), true);
            String message = "no API token to cancel remote job " + jobId + ": " + creds.problem() + ". The operator "
                    + "holds no earlier token for it (it restarted since). Restore the Secret, or set "
                    + "spec.deletionPolicy: Orphan to delete the resource and leave the job running";
            events.record(job, EventReason.CredentialsGone, message);
            showBlocked(job, store, EventReason.CredentialsGone.name(), message);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoff(job, clock.instant()));
        }
        metrics.credentialsGone(job.getMetadata().getUid(), false);
        try {
            // Read first: a job that ended meanwhile needs no cancel, and a vanished one cannot take one.
            RemoteJob current = api.status(creds.token(), jobId);
            if (RemoteStates.of(current.status()).isTerminal()) {
                return released(job, "remote job " + jobId + " already ended (" + current.status() + ")");
            }
            RemoteJob answer = api.cancel(creds.token(), jobId);
            if (RemoteStates.of(answer.status()).isTerminal()) {
                return released(job, "canceled remote job " + jobId + " (status " + answer.status() + ")");
            }
            // Accepted but not yet shown: look again soon; the next pass reads before canceling again.
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(MIN_RETRY);
        } catch (TrainerException e) {
            // Only the status read's 404 proves the job gone: a 404 on /cancel just after it was read as active
            // contradicts that read, so it is read again on the next pass rather than released and left running.
            if (e.isNotFound() && e.operation() == Operation.STATUS) {
                return released(job, "remote job " + jobId + " no longer exists: " + e.getMessage());
            }
            // A refusal (409 ...) for a job just read as active is not "done": read again and retry.
            return retryLater(job, jobId, e.getMessage(), store);
        }
    }

    /**
     * The token to cancel with: the Secret's, or when the Secret is gone (a namespace being deleted takes its
     * Secrets with it) the last one read for this resource, so that the job is still canceled.
     */
    private Credentials usableCredentials(LoraTrainingJob job) {
        Credentials current = credentials.resolve(job);
        if (current.available()) {
            return current;
        }
        return credentials.lastKnown(job.getMetadata().getUid()).filter(Credentials::available).orElse(current);
    }

    private DeleteControl released(LoraTrainingJob job, String message) {
        events.record(job, EventReason.RemoteJobReleased, message);
        return DeleteControl.defaultDelete();
    }

    private DeleteControl retryLater(LoraTrainingJob job, String jobId, String why, StatusStore store) {
        metrics.cancelFailing(job.getMetadata().getUid(), true);
        Duration delay = backoff(job, clock.instant());
        String wayOut = "To delete without canceling, set spec.deletionPolicy: Orphan (remote job " + jobId
                + " would keep running and costing money)";
        events.record(job, EventReason.CancelFailed, "could not cancel remote job " + jobId + ": " + why
                + "; retrying in " + delay.toSeconds() + "s. " + wayOut);
        showBlocked(job, store, EventReason.CancelFailed.name(), "could not cancel remote job " + jobId + ": " + why
                + "; retrying with backoff. " + wayOut);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(delay);
    }

    /**
     * Says in the status what holds the deletion up, once (an unchanged status is not written again). A failed write
     * only loses that word: the Event carries the same, and the next retry writes it again.
     */
    private void showBlocked(LoraTrainingJob job, StatusStore store, String reason, String message) {
        long generation = job.getMetadata().getGeneration() == null ? 0 : job.getMetadata().getGeneration();
        LoraTrainingJobStatus next = DeletionStatus.blocked(job.getStatus(), reason, message, generation,
                clock.instant());
        if (StatusCopy.same(job.getStatus(), next)) {
            return;
        }
        try {
            store.write(job, next);
        } catch (KubernetesClientException e) {
            LOG.warnf("%s/%s: could not write status %s (%d); the Event says the same", job.getMetadata().getNamespace(),
                    job.getMetadata().getName(), reason, e.getCode());
        }
    }

    /** Doubles with the time since deletion began (1, 2, 4 ... s), so no counter has to be stored anywhere. */
    static Duration backoff(LoraTrainingJob job, Instant now) {
        Instant deletedAt = Times.parse(job.getMetadata().getDeletionTimestamp());
        Duration waited = deletedAt == null || now.isBefore(deletedAt) ? Duration.ZERO : Duration.between(deletedAt, now);
        Duration delay = waited.plus(MIN_RETRY);
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
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
