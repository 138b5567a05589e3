package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.status.Outcome;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.SubmitSlot;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Where a job is submitted: the exactly-once protocol of design.md (record Pending before the POST, then what the
 * answer proves), and adoption of a job submitted elsewhere. A POST whose outcome is unknown is never repeated.
 */
@ApplicationScoped
public class Submitter {
    private static final Logger LOG = Logger.getLogger(Submitter.class);

    private final TrainerApi api;
    /** Job ids answered but perhaps not yet written, by resource uid: the status write after a POST may fail. */
    private final Map<String, Answered> answered = new ConcurrentHashMap<>();

    public Submitter(TrainerApi api) {
        this.api = api;
    }

    private record Answered(String attemptId, String jobId) {
    }

    Outcome submit(JobPass pass, boolean retry) {
        SubmitSlot slot;
        try {
            slot = api.reserveSubmission(); // before Pending: a wait for the rate limit must never look like a POST
        } catch (TrainerException deferred) {
            return new Outcome.Deferred(deferred.retryAfter().orElse(java.time.Duration.ofSeconds(1)),
                    deferred.getMessage());
        }
        LoraTrainingJobSpec spec = pass.spec();
        PreparedConfig config = pass.inputs().config();
        String attemptId = UUID.randomUUID().toString().substring(0, 8);
        var pending = new Outcome.SubmissionPending(attemptId, pass.now(), config, spec.getGpuType(),
                spec.gpuCountOrDefault(), retry);
        pass.saveBeforeCall(pending);
        try {
            RemoteJob remote = api.submit(slot, pass.inputs().credentials().token(), config.yaml(),
                    spec.getGpuType().name(), spec.gpuCountOrDefault());
            // Kept (and logged) before the status write: if that write fails, the next pass still knows the id.
            answered.put(pass.resource().getMetadata().getUid(), new Answered(attemptId, remote.id()));
            LOG.infof("%s/%s: submitted remote job %s (attempt %s)", pass.resource().getMetadata().getNamespace(),
                    pass.resource().getMetadata().getName(), remote.id(), attemptId);
            return new Outcome.Submitted(pending, remote);
        } catch (TrainerException e) {
            return new Outcome.SubmissionFailed(pending, e,
                    pass.inputs().fingerprint(spec));
        }
    }

    Outcome adopt(JobPass pass, Decision.Adopt adopt) {
        LoraTrainingJobSpec spec = pass.spec();
        return new Outcome.Adopted(adopt.jobId(), pass.now(), pass.inputs().config(), spec.getGpuType(),
                spec.gpuCountOrDefault(), adopt.how());
    }

    /** The job id a submission of this attempt was answered with, if its status write was lost. */
    String answeredJobId(String uid, String attemptId) {
        Answered known = answered.get(uid);
        return known != null && known.attemptId().equals(attemptId) ? known.jobId() : null;
    }

    /** Called once the status records a job id (or the resource is gone): the memory is no longer needed. */
    void recorded(String uid) {
        answered.remove(uid);
    }
}
