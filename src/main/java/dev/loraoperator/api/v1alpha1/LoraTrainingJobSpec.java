package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** What the user asks for: the AI Toolkit config, the GPUs, and how to steer the remote job. */
@ValidationRule(value = "has(self.config) != has(self.configFrom)",
        message = "set exactly one of config or configFrom")
@ValidationRule(value = "!has(self.gpuCount) || self.gpuCount == 1 || self.gpuType == 'ADA_80_PLUS'",
        message = "gpuCount 8 is only available with gpuType ADA_80_PLUS")
@JsonClassDescription("What to train and on what: the AI Toolkit config (inline or from a ConfigMap), the GPU type and count, the credentials, and how to steer the remote job (suspend, auto-resume, deadline, deletion policy).")
public class LoraTrainingJobSpec {

    @Required
    @JsonPropertyDescription("GPU to train on: ADA_80_PLUS (H100 80 GB) or HOPPER_141 (H200 141 GB).")
    private GpuType gpuType;

    @Min(1)
    @Max(8)
    @Default("1")
    @ValidationRule(value = "self == 1 || self == 8", message = "gpuCount must be 1 or 8")
    @JsonPropertyDescription("Number of GPUs: 1 or 8 (8 only with ADA_80_PLUS).")
    private Integer gpuCount = 1;

    @PreserveUnknownFields
    @JsonPropertyDescription("The AI Toolkit config, inline (job, config.name, config.process[] ...). "
            + "training_folder may be left out; dataset folder_path may be a bare RunComfy dataset name. "
            + "Exactly one of config or configFrom.")
    private JsonNode config;

    @JsonPropertyDescription("Read the AI Toolkit config, as a YAML string, from a ConfigMap key in the same namespace. "
            + "Exactly one of config or configFrom.")
    private ConfigSource configFrom;

    @JsonPropertyDescription("Secret key in the same namespace holding the RunComfy API token. "
            + "When absent, the operator-wide default Secret is used.")
    private SecretKeyReference credentialsSecretRef;

    @Default("false")
    @JsonPropertyDescription("true: do not submit, and cancel an active remote job, keeping this resource as the record. "
            + "Back to false: submit, or resume a job the suspension stopped. Same meaning as batch/v1 Job.spec.suspend.")
    private Boolean suspend = false;

    @JsonPropertyDescription("Resume automatically when the platform stops the job early (preemption).")
    private AutoResume autoResume;

    @Min(1)
    @JsonPropertyDescription("Cancel the remote job once this many seconds have passed since submission "
            + "(phase Failed, reason DeadlineExceeded). A cost cap.")
    private Long activeDeadlineSeconds;

    @Default("Cancel")
    @JsonPropertyDescription("What deleting this resource does to an active remote job: Cancel (default) cancels it "
            + "and waits for the API to confirm; Orphan leaves it running. Setting Orphan on a resource being deleted "
            + "releases a delete that cannot complete.")
    private DeletionPolicy deletionPolicy = DeletionPolicy.Cancel;

    public GpuType getGpuType() { return gpuType; }
    public void setGpuType(GpuType gpuType) { this.gpuType = gpuType; }
    public Integer getGpuCount() { return gpuCount; }
    public void setGpuCount(Integer gpuCount) { this.gpuCount = gpuCount; }
    public JsonNode getConfig() { return config; }
    public void setConfig(JsonNode config) { this.config = config; }
    public ConfigSource getConfigFrom() { return configFrom; }
    public void setConfigFrom(ConfigSource configFrom) { this.configFrom = configFrom; }
    public SecretKeyReference getCredentialsSecretRef() { return credentialsSecretRef; }
    public void setCredentialsSecretRef(SecretKeyReference ref) { this.credentialsSecretRef = ref; }
    public Boolean getSuspend() { return suspend; }
    public void setSuspend(Boolean suspend) { this.suspend = suspend; }
    public AutoResume getAutoResume() { return autoResume; }
    public void setAutoResume(AutoResume autoResume) { this.autoResume = autoResume; }
    public Long getActiveDeadlineSeconds() { return activeDeadlineSeconds; }
    public void setActiveDeadlineSeconds(Long seconds) { this.activeDeadlineSeconds = seconds; }
    public DeletionPolicy getDeletionPolicy() { return deletionPolicy; }
    public void setDeletionPolicy(DeletionPolicy deletionPolicy) { this.deletionPolicy = deletionPolicy; }

    /** The GPU count, defaulted as the schema does for objects created before defaults applied. */
    public int gpuCountOrDefault() {
        return gpuCount == null ? 1 : gpuCount;
    }

    public boolean suspendRequested() {
        return Boolean.TRUE.equals(suspend);
    }

    public int autoResumeAttempts() {
        return autoResume == null || autoResume.getMaxAttempts() == null ? 0 : autoResume.getMaxAttempts();
    }

    public DeletionPolicy deletionPolicyOrDefault() {
        return deletionPolicy == null ? DeletionPolicy.Cancel : deletionPolicy;
    }
}
