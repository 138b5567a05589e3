package dev.loraoperator.reconciler;

import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import dev.loraoperator.trainer.SubmitSlot;
import dev.loraoperator.trainer.TrainerApi;
import dev.loraoperator.trainer.TrainerException;

/**
 * A Trainer API whose cancel and resume answers (and, when asked, status answers) carry no status field: what a 2xx
 * with fields missing looks like to the operator. Everything is still sent to the real simulator behind it.
 */
final class AnswersWithoutStatus implements TrainerApi {
    private final TrainerApi api;
    private volatile boolean statusReadsToo;

    AnswersWithoutStatus(TrainerApi api) {
        this.api = api;
    }

    void statusReadsToo(boolean on) {
        statusReadsToo = on;
    }

    private static RemoteJob withoutStatus(RemoteJob job) {
        return new RemoteJob(job.id(), job.name(), null, job.progress(), job.error(), job.createdAt(), job.startedAt(),
                job.finishedAt());
    }

    @Override
    public SubmitSlot reserveSubmission() throws TrainerException {
        return api.reserveSubmission();
    }

    @Override
    public RemoteJob submit(SubmitSlot slot, ApiToken token, String configYaml, String gpuType, int gpuCount)
            throws TrainerException {
        return api.submit(slot, token, configYaml, gpuType, gpuCount);
    }

    @Override
    public RemoteJob status(ApiToken token, String jobId) throws TrainerException {
        RemoteJob job = api.status(token, jobId);
        return statusReadsToo ? withoutStatus(job) : job;
    }

    @Override
    public RemoteResult result(ApiToken token, String jobId) throws TrainerException {
        return api.result(token, jobId);
    }

    @Override
    public RemoteJob cancel(ApiToken token, String jobId) throws TrainerException {
        return withoutStatus(api.cancel(token, jobId));
    }

    @Override
    public RemoteJob resume(ApiToken token, String jobId, String gpuType, Integer gpuCount) throws TrainerException {
        return withoutStatus(api.resume(token, jobId, gpuType, gpuCount));
    }

    @Override
    public RemoteJob edit(ApiToken token, String jobId, String configYaml) throws TrainerException {
        return api.edit(token, jobId, configYaml);
    }
}
