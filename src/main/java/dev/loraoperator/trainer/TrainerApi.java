package dev.loraoperator.trainer;

/** The RunComfy Trainer API job endpoints, as the operator uses them. */
public interface TrainerApi {

    /** POST /jobs. Never retried by the implementation: a second POST could start a second paid job. */
    RemoteJob submit(ApiToken token, String configYaml, String gpuType, int gpuCount) throws TrainerException;

    RemoteJob status(ApiToken token, String jobId) throws TrainerException;

    RemoteResult result(ApiToken token, String jobId) throws TrainerException;

    RemoteJob cancel(ApiToken token, String jobId) throws TrainerException;

    /** POST /resume; GPU fields are sent only when given (the API may ignore them). */
    RemoteJob resume(ApiToken token, String jobId, String gpuType, Integer gpuCount) throws TrainerException;

    RemoteJob edit(ApiToken token, String jobId, String configYaml) throws TrainerException;
}
