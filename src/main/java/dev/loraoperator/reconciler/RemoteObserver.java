package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.status.Observation;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.status.SyncReasons;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/** Reads the remote job's status, and its artifacts only when they may have changed; at most two reads a pass. */
@ApplicationScoped
public class RemoteObserver {
    private final TrainerApi api;

    public RemoteObserver(TrainerApi api) {
        this.api = api;
    }

    public Observation observe(ApiToken token, LoraTrainingJobStatus recorded) {
        RemoteJob job;
        try {
            job = api.status(token, recorded.getJobId());
        } catch (TrainerException e) {
            // Held back by the shared rate limit: nothing was asked, nothing failed; look again when a slot is free.
            // After a failed read, though, a deferral is no fresh look: the status keeps saying the view is stale.
            return e.isDeferred() && !SyncReasons.faulty(recorded) ? heldBack(e) : Observation.failed(e);
        }
        if (job.status() == null || !resultWorthReading(recorded, job)) {
            return new Observation(job, null, null);
        }
        boolean ended = RemoteStates.of(job.status()).isTerminal();
        try {
            RemoteResult result = ended ? api.finalResult(token, recorded.getJobId())
                    : api.result(token, recorded.getJobId());
            return new Observation(job, result, null);
        } catch (TrainerException e) {
            if (!e.isDeferred() || SyncReasons.faulty(recorded)) {
                return new Observation(job, null, e); // after a failed read, a deferral stays a failure: still stale
            }
            // A save point's artifacts are read with a later one. An end's are not read again once the end is
            // recorded, so a held-back final read takes the status read with it: both come again once a slot is free.
            return ended ? heldBack(e) : new Observation(job, null, null);
        }
    }

    private static Observation heldBack(TrainerException deferral) {
        return Observation.heldBack(deferral.retryAfter().orElse(Schedule.BACKOFF_FLOOR));
    }

    /**
     * /result costs a request: read it when the job ends (or its end was last seen through a failed read), when a
     * save point passed while running, and once for a job whose artifacts were never read outside the queue.
     */
    static boolean resultWorthReading(LoraTrainingJobStatus recorded, RemoteJob now) {
        RemoteStates state = RemoteStates.of(now.status());
        boolean changed = !Objects.equals(recorded.getRemoteStatus(), now.status());
        if (SyncReasons.faulty(recorded)) {
            return state != RemoteStates.IN_QUEUE; // the last try may have missed something
        }
        if (state.isTerminal()) {
            return changed || recorded.getArtifacts() == null;
        }
        if (state != RemoteStates.RUNNING) {
            return false; // queued or unknown: nothing new to see
        }
        if (recorded.getArtifacts() == null && !RemoteStates.of(recorded.getRemoteStatus()).isActive()) {
            return true; // adopted or resumed: what exists already is unknown
        }
        if (now.progress() == null) {
            return false;
        }
        long saveEvery = saveEvery(recorded.getSubmission());
        long before = recorded.getProgress() == null || recorded.getProgress().getCurrentStep() == null ? 0
                : recorded.getProgress().getCurrentStep();
        return now.progress().currentStep() / saveEvery > before / saveEvery;
    }

    private static long saveEvery(Submission submission) {
        Long value = submission == null ? null : submission.getSaveEvery();
        return value == null || value <= 0 ? 1000 : value;
    }
}
