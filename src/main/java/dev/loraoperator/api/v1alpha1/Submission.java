package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** The record of submitting the remote job, kept so that a job is never submitted twice. */
public class Submission {
    @JsonPropertyDescription("Pending (about to POST), Succeeded, Failed (refused by the API) or Uncertain "
            + "(the POST may have created a job: resolve with the adopt-job-id or retry-submission annotation).")
    private SubmissionState state;

    @JsonPropertyDescription("Identifies this submission attempt; the retry-submission annotation must name it.")
    private String attemptId;

    @JsonPropertyDescription("When the attempt started (RFC 3339).")
    private String at;

    @JsonPropertyDescription("Hash of the config YAML the remote job runs (or was sent).")
    private String configHash;

    @JsonPropertyDescription("Fingerprint of the spec and credentials a refused submission was made with; "
            + "a Failed submission is retried only once this changes.")
    private String inputFingerprint;

    @JsonPropertyDescription("config.name of the config the remote job runs; the API forbids changing it.")
    private String configName;

    @JsonPropertyDescription("train.steps of the config the remote job runs: the total that progress is measured against.")
    private Long totalSteps;

    @JsonPropertyDescription("save.save_every of the config the remote job runs: how often a checkpoint appears.")
    private Long saveEvery;

    @JsonPropertyDescription("GPU type the remote job was submitted or last resumed with.")
    private GpuType gpuType;

    @JsonPropertyDescription("GPU count the remote job was submitted or last resumed with.")
    private Integer gpuCount;

    @JsonPropertyDescription("RunComfy dataset names the remote job runs on, by the LoraDataset (folder) name its config "
            + "gives: a LoraDataset deleted later does not make the config look changed.")
    private Map<String, String> datasets;

    public Submission() {
    }

    public Submission(SubmissionState state, String attemptId, String at, String configHash) {
        this.state = state;
        this.attemptId = attemptId;
        this.at = at;
        this.configHash = configHash;
    }

    public SubmissionState getState() { return state; }
    public void setState(SubmissionState state) { this.state = state; }
    public String getAttemptId() { return attemptId; }
    public void setAttemptId(String attemptId) { this.attemptId = attemptId; }
    public String getAt() { return at; }
    public void setAt(String at) { this.at = at; }
    public String getConfigHash() { return configHash; }
    public void setConfigHash(String configHash) { this.configHash = configHash; }
    public String getConfigName() { return configName; }
    public void setConfigName(String configName) { this.configName = configName; }
    public Long getTotalSteps() { return totalSteps; }
    public void setTotalSteps(Long totalSteps) { this.totalSteps = totalSteps; }
    public Long getSaveEvery() { return saveEvery; }
    public void setSaveEvery(Long saveEvery) { this.saveEvery = saveEvery; }
    public GpuType getGpuType() { return gpuType; }
    public void setGpuType(GpuType gpuType) { this.gpuType = gpuType; }
    public Integer getGpuCount() { return gpuCount; }
    public void setGpuCount(Integer gpuCount) { this.gpuCount = gpuCount; }
    public Map<String, String> getDatasets() { return datasets; }
    public void setDatasets(Map<String, String> datasets) { this.datasets = datasets; }
    public String getInputFingerprint() { return inputFingerprint; }
    public void setInputFingerprint(String inputFingerprint) { this.inputFingerprint = inputFingerprint; }
}
