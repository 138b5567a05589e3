package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How often to resume a job that the platform stopped early (preemption). */
public class AutoResume {
    @Min(0)
    @Max(100)
    @Default("0")
    @JsonPropertyDescription("Resume a job stopped early by the platform at most this many times (0 disables). "
            + "Jobs that finished, failed or were canceled by the user are never resumed.")
    private Integer maxAttempts = 0;

    public AutoResume() {
    }

    public AutoResume(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Integer getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
}
