package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the operator knows about the remote dataset, mirrored for kubectl and GitOps tools. */
public class LoraDatasetStatus {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Pending, Uploading, Processing, Ready, Failed or Unknown.")
    private DatasetPhase phase;

    @JsonPropertyDescription("Id of the remote RunComfy dataset.")
    private String remoteId;

    @JsonPropertyDescription("Name of the remote RunComfy dataset: what a job's folder_path names.")
    private String remoteName;

    @JsonPropertyDescription("The last status the Trainer API reported (DRAFT, UPLOADING, READY, FAILED), verbatim.")
    private String remoteStatus;

    @JsonPropertyDescription("Upload progress: desired and uploaded files and bytes.")
    private DatasetFiles files;

    @JsonPropertyDescription("The last error: from the Trainer API, or a source that cannot be read (naming the file).")
    private JobError error;

    @JsonPropertyDescription("When the operator last read the remote dataset successfully (RFC 3339).")
    private String lastSyncTime;

    @JsonPropertyDescription("Ready (the remote dataset is READY) and Synced (the remote files match the spec).")
    private List<JobCondition> conditions = new ArrayList<>();

    public Long getObservedGeneration() { return observedGeneration; }
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public DatasetPhase getPhase() { return phase; }
    public void setPhase(DatasetPhase phase) { this.phase = phase; }
    public String getRemoteId() { return remoteId; }
    public void setRemoteId(String remoteId) { this.remoteId = remoteId; }
    public String getRemoteName() { return remoteName; }
    public void setRemoteName(String remoteName) { this.remoteName = remoteName; }
    public String getRemoteStatus() { return remoteStatus; }
    public void setRemoteStatus(String remoteStatus) { this.remoteStatus = remoteStatus; }
    public DatasetFiles getFiles() { return files; }
    public void setFiles(DatasetFiles files) { this.files = files; }
    public JobError getError() { return error; }
    public void setError(JobError error) { this.error = error; }
    public String getLastSyncTime() { return lastSyncTime; }
    public void setLastSyncTime(String lastSyncTime) { this.lastSyncTime = lastSyncTime; }
    public List<JobCondition> getConditions() { return conditions; }
    public void setConditions(List<JobCondition> conditions) { this.conditions = conditions; }
}
