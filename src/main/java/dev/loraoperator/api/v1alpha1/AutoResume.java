package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.List;
import java.util.Map;

/** How often to resume a job that the platform stopped early (preemption). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoResume {
    @Min(0)
    @Max(100)
    @Default("0")
    @JsonPropertyDescription("Resume a job stopped early by the platform at most this many times (0 disables). "
            + "Jobs that finished, failed or were canceled by the user are never resumed.")
    private Integer maxAttempts = 0;

    @JsonIgnore
    private final UnreadableFields unreadable = new UnreadableFields();

    public AutoResume() {
    }

    public AutoResume(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Integer getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }

    @JsonSetter("maxAttempts")
    private void readMaxAttempts(JsonNode raw) { maxAttempts = unreadable.intValue("maxAttempts", raw); }

    @JsonAnyGetter
    private Map<String, JsonNode> unreadableValues() { return unreadable.rawValues(); }

    /** The fields whose value this operator version cannot use (see LoraTrainingJobSpec.unreadableFields). */
    List<String> unreadableFields() {
        return unreadable.describe("spec.autoResume.");
    }
}
