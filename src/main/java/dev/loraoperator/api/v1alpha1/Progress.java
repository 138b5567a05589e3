package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How far training has come. */
public class Progress {
    @JsonPropertyDescription("Last step reached.")
    private Long currentStep;
    @JsonPropertyDescription("Steps in the whole run.")
    private Long totalSteps;
    @JsonPropertyDescription("Percent done, 0-100.")
    private Integer percent;
    @JsonPropertyDescription("Human summary shown by kubectl get, e.g. 320/2000 (16%).")
    private String summary;
    @JsonPropertyDescription("Where the numbers come from: Api (the status endpoint) or Checkpoints (inferred from file names).")
    private String source;

    public Progress() {
    }

    public Progress(Long currentStep, Long totalSteps, Integer percent, String summary, String source) {
        this.currentStep = currentStep;
        this.totalSteps = totalSteps;
        this.percent = percent;
        this.summary = summary;
        this.source = source;
    }

    public Long getCurrentStep() { return currentStep; }
    public void setCurrentStep(Long currentStep) { this.currentStep = currentStep; }
    public Long getTotalSteps() { return totalSteps; }
    public void setTotalSteps(Long totalSteps) { this.totalSteps = totalSteps; }
    public Integer getPercent() { return percent; }
    public void setPercent(Integer percent) { this.percent = percent; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
}
