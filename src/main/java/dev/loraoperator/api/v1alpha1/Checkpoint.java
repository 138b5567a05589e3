package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One saved LoRA checkpoint and where to download it. */
public class Checkpoint {
    @JsonPropertyDescription("File name, e.g. my_lora_000000250.safetensors.")
    private String name;
    @JsonPropertyDescription("Training step it was saved at, when known.")
    private Long step;
    @JsonPropertyDescription("Hosted URL (no token needed).")
    private String url;

    public Checkpoint() {
    }

    public Checkpoint(String name, Long step, String url) {
        this.name = name;
        this.step = step;
        this.url = url;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getStep() { return step; }
    public void setStep(Long step) { this.step = step; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
}
