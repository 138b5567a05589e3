package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One metav1.Condition-shaped observation about the job, described for kubectl explain. */
public class JobCondition {
    @Required
    @JsonPropertyDescription("The condition type; status.conditions of the resource lists the types it uses.")
    private String type;
    @Required
    @JsonPropertyDescription("True, False or Unknown.")
    private String status;
    @JsonPropertyDescription("The metadata.generation this condition was computed for.")
    private Long observedGeneration;
    @Required
    @JsonPropertyDescription("When status last changed (RFC 3339); unchanged while status stays the same.")
    private String lastTransitionTime;
    @Required
    @JsonPropertyDescription("CamelCase reason for the current status.")
    private String reason;
    @JsonPropertyDescription("Human-readable details.")
    private String message;

    public JobCondition() {
    }

    public JobCondition(String type, String status, Long observedGeneration, String lastTransitionTime,
            String reason, String message) {
        this.type = type;
        this.status = status;
        this.observedGeneration = observedGeneration;
        this.lastTransitionTime = lastTransitionTime;
        this.reason = reason;
        this.message = message;
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getObservedGeneration() { return observedGeneration; }
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public String getLastTransitionTime() { return lastTransitionTime; }
    public void setLastTransitionTime(String lastTransitionTime) { this.lastTransitionTime = lastTransitionTime; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
}
