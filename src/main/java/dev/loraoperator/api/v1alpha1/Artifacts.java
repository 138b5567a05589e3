package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the remote job produced so far, as hosted URLs. */
public class Artifacts {
    @JsonPropertyDescription("URL of the resolved training config (config.yaml).")
    private String config;
    @JsonPropertyDescription("Checkpoints, oldest first (bounded to the newest few).")
    private List<Checkpoint> checkpoints = new ArrayList<>();
    @JsonPropertyDescription("The newest checkpoint: the final model once the job succeeded.")
    private Checkpoint latestCheckpoint;
    @JsonPropertyDescription("URLs of the newest samples (bounded list).")
    private List<String> samples = new ArrayList<>();
    @JsonPropertyDescription("How many samples the job has produced in all.")
    private Integer sampleCount;

    public String getConfig() { return config; }
    public void setConfig(String config) { this.config = config; }
    public List<Checkpoint> getCheckpoints() { return checkpoints; }
    public void setCheckpoints(List<Checkpoint> checkpoints) { this.checkpoints = checkpoints; }
    public Checkpoint getLatestCheckpoint() { return latestCheckpoint; }
    public void setLatestCheckpoint(Checkpoint latestCheckpoint) { this.latestCheckpoint = latestCheckpoint; }
    public List<String> getSamples() { return samples; }
    public void setSamples(List<String> samples) { this.samples = samples; }
    public Integer getSampleCount() { return sampleCount; }
    public void setSampleCount(Integer sampleCount) { this.sampleCount = sampleCount; }
}
