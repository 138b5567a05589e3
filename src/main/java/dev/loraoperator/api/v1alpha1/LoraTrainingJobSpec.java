package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the user asks for: the AI Toolkit config, the GPUs, and how to steer the remote job. */
@ValidationRule(value = "has(self.config) != has(self.configFrom)",
        message = "set exactly one of config or configFrom")
@ValidationRule(value = "!has(self.gpuCount) || self.gpuCount == 1 || self.gpuType == 'ADA_80_PLUS'",
        message = "gpuCount 8 is only available with gpuType ADA_80_PLUS")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("What to train and on what: the AI Toolkit config (inline or from a ConfigMap), the GPU type and count, the credentials, and how to steer the remote job (suspend, auto-resume, deadline, deletion policy).")
public class LoraTrainingJobSpec {
    /** Deeper configs are unreadable (far deeper than any AI Toolkit config, shallow enough to write back safely). */
    static final int MAX_CONFIG_DEPTH = 200;

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

    @JsonIgnore
    private final UnreadableFields unreadable = new UnreadableFields();

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

    // Jackson reads the scalar fields through these: one unusable value must not make the whole resource, and with
    // it the informer's list of every resource, fail to deserialize.
    @JsonSetter("config")
    private void readConfig(JsonNode raw) { config = unreadable.tree("config", raw, MAX_CONFIG_DEPTH); }
    @JsonSetter("gpuType")
    private void readGpuType(JsonNode raw) { gpuType = unreadable.enumValue("gpuType", raw, GpuType.class); }
    @JsonSetter("gpuCount")
    private void readGpuCount(JsonNode raw) { gpuCount = unreadable.intValue("gpuCount", raw); }
    @JsonSetter("suspend")
    private void readSuspend(JsonNode raw) { suspend = unreadable.booleanValue("suspend", raw); }
    @JsonSetter("activeDeadlineSeconds")
    private void readActiveDeadlineSeconds(JsonNode raw) {
        activeDeadlineSeconds = unreadable.longValue("activeDeadlineSeconds", raw);
    }
    @JsonSetter("deletionPolicy")
    private void readDeletionPolicy(JsonNode raw) {
        deletionPolicy = unreadable.enumValue("deletionPolicy", raw, DeletionPolicy.class);
    }

    // Written back as read, so that the copies JOSDK makes of a resource (by serializing it) keep the problems, and
    // so that writing the resource never drops what the user wrote.
    @JsonAnyGetter
    private Map<String, JsonNode> unreadableValues() { return unreadable.rawValues(); }

    /**
     * The fields whose value this operator version cannot use, one sentence each naming the field, the value and
     * what is supported (e.g. {@code spec.gpuType: unsupported value "BLACKWELL_192"; supported: ADA_80_PLUS,
     * HOPPER_141}). Empty when every field was read.
     */
    public List<String> unreadableFields() {
        List<String> sentences = new ArrayList<>(unreadable.describe("spec."));
        if (autoResume != null) {
            sentences.addAll(autoResume.unreadableFields());
        }
        return sentences;
    }

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
