package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the remote job's status, and its artifacts when {@link ResultPolicy} says they may have changed. */
@ApplicationScoped
public class RemoteObserver {
    private final TrainerApi api;

    public RemoteObserver(TrainerApi api) {
        this.api = api;
    }

    public RemoteView observe(ApiToken token, LoraTrainingJobStatus recorded, ConfigFacts facts,
            boolean lastSyncFailed) {
        RemoteJob job;
        try {
            job = api.status(token, recorded.getJobId());
        } catch (TrainerException e) {
            return new RemoteView(null, null, e);
        }
        if (!ResultPolicy.shouldFetch(recorded, job, facts, lastSyncFailed)) {
            return new RemoteView(job, null, null);
        }
        try {
            RemoteResult result = api.result(token, recorded.getJobId());
            return new RemoteView(job, result, null);
        } catch (TrainerException e) {
            return new RemoteView(job, null, e);
        }
    }
}
