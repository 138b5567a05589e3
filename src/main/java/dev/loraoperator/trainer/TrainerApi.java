package dev.loraoperator.trainer;

/**
 * The RunComfy Trainer API job endpoints, as the operator uses them. No call waits for the rate limit: one
 * without a free slot fails at once as {@link Outcome#NOT_PROCESSED} with the wait in
 * {@link TrainerException#retryAfter()} and {@link TrainerException#isDeferred()} true.
 */
public interface TrainerApi {

    /** Takes the rate-limit slot for one submission; call it before recording the submission as Pending. */
    SubmitSlot reserveSubmission() throws TrainerException;

    /**
     * POST /jobs, paid for by a slot from {@link #reserveSubmission()}. Never retried by the implementation: a
     * second POST could start a second paid job. Fails as not processed, without sending, while the API's
     * Retry-After pause lasts.
     */
    RemoteJob submit(SubmitSlot slot, ApiToken token, String configYaml, String gpuType, int gpuCount)
            throws TrainerException;

    RemoteJob status(ApiToken token, String jobId) throws TrainerException;

    RemoteResult result(ApiToken token, String jobId) throws TrainerException;

    /**
     * The artifacts of a job this very look read as ended: the second half of that look, so it does not leave the
     * rate limit's last slot to urgent calls as polls do (an ended job is not read again, and its final model is here).
     */
    default RemoteResult finalResult(ApiToken token, String jobId) throws TrainerException {
        return result(token, jobId);
    }

    RemoteJob cancel(ApiToken token, String jobId) throws TrainerException;

    /** POST /resume; GPU fields are sent only when given (the API may ignore them). */
    RemoteJob resume(ApiToken token, String jobId, String gpuType, Integer gpuCount) throws TrainerException;

    RemoteJob edit(ApiToken token, String jobId, String configYaml) throws TrainerException;
}
