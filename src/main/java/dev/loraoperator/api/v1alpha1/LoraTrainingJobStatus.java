package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the operator knows about the remote job, mirrored for kubectl and GitOps tools. */
@JsonClassDescription("What the operator knows about the remote job: phase and conditions, the remote job id, training progress, artifact URLs (checkpoints, samples, final LoRA), and the last error. Written by the operator only.")
public class LoraTrainingJobStatus {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Pending, Invalid, Suspended, Queued, Running, Interrupted, Succeeded, Failed, Canceled or Unknown.")
    private Phase phase;

    @JsonPropertyDescription("Why the job waits, or why it failed, as one CamelCase word (kubectl get -o wide).")
    private String reason;

    @JsonPropertyDescription("Id of the remote RunComfy training job.")
    private String jobId;

    @JsonPropertyDescription("The last status the Trainer API reported, verbatim.")
    private String remoteStatus;

    @JsonPropertyDescription("Training progress, from the API or inferred from checkpoint names.")
    private Progress progress;

    @JsonPropertyDescription("Hosted URLs of what the job produced: config, checkpoints, samples.")
    private Artifacts artifacts;

    @JsonPropertyDescription("The submission record that guarantees a job is submitted at most once.")
    private Submission submission;

    @JsonPropertyDescription("The last cancel, resume or edit the operator sent to the remote job.")
    private ControlRecord lastControl;

    @JsonPropertyDescription("How many times the operator resumed the job automatically.")
    private Integer resumeCount;

    @JsonPropertyDescription("When the remote job was submitted (RFC 3339).")
    private String submittedAt;

    @JsonPropertyDescription("Seconds the remote job was active (queued or running) before activeSince, summed over "
            + "resumes; what activeDeadlineSeconds is compared with.")
    private Long activeSeconds;

    @JsonPropertyDescription("Since when the remote job has been active without a break (RFC 3339); absent while it is not.")
    private String activeSince;

    @JsonPropertyDescription("When the remote job started running (RFC 3339).")
    private String startedAt;

    @JsonPropertyDescription("When the remote job ended (RFC 3339).")
    private String finishedAt;

    @JsonPropertyDescription("When the operator last read the remote job successfully (RFC 3339).")
    private String lastSyncTime;

    @JsonPropertyDescription("The last error, from the Trainer API or from validation.")
    private JobError error;

    @JsonPropertyDescription("Accepted, Submitted, Running, Succeeded, Failed, Suspended, Synced and Finished "
            + "(True once the job ended, whatever the outcome).")
    private List<JobCondition> conditions = new ArrayList<>();

    public Long getObservedGeneration() { return observedGeneration; }
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public Phase getPhase() { return phase; }
    public void setPhase(Phase phase) { this.phase = phase; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getActiveSeconds() { return activeSeconds; }
    public void setActiveSeconds(Long activeSeconds) { this.activeSeconds = activeSeconds; }
    public String getActiveSince() { return activeSince; }
    public void setActiveSince(String activeSince) { this.activeSince = activeSince; }
    public String getJobId() { return jobId; }
    public void setJobId(String jobId) { this.jobId = jobId; }
    public String getRemoteStatus() { return remoteStatus; }
    public void setRemoteStatus(String remoteStatus) { this.remoteStatus = remoteStatus; }
    public Progress getProgress() { return progress; }
    public void setProgress(Progress progress) { this.progress = progress; }
    public Artifacts getArtifacts() { return artifacts; }
    public void setArtifacts(Artifacts artifacts) { this.artifacts = artifacts; }
    public Submission getSubmission() { return submission; }
    public void setSubmission(Submission submission) { this.submission = submission; }
    public ControlRecord getLastControl() { return lastControl; }
    public void setLastControl(ControlRecord lastControl) { this.lastControl = lastControl; }
    public Integer getResumeCount() { return resumeCount; }
    public void setResumeCount(Integer resumeCount) { this.resumeCount = resumeCount; }
    public String getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(String submittedAt) { this.submittedAt = submittedAt; }
    public String getStartedAt() { return startedAt; }
    public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
    public String getFinishedAt() { return finishedAt; }
    public void setFinishedAt(String finishedAt) { this.finishedAt = finishedAt; }
    public String getLastSyncTime() { return lastSyncTime; }
    public void setLastSyncTime(String lastSyncTime) { this.lastSyncTime = lastSyncTime; }
    public JobError getError() { return error; }
    public void setError(JobError error) { this.error = error; }
    public List<JobCondition> getConditions() { return conditions; }
    public void setConditions(List<JobCondition> conditions) { this.conditions = conditions; }
}
