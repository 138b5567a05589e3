package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Where to read the AI Toolkit config from, when it is not inline. */
public class ConfigSource {
    @Required
    @JsonPropertyDescription("The ConfigMap key holding the AI Toolkit config as a YAML string.")
    private ConfigMapKeyReference configMapKeyRef;

    public ConfigSource() {
    }

    public ConfigSource(ConfigMapKeyReference configMapKeyRef) {
        this.configMapKeyRef = configMapKeyRef;
    }

    public ConfigMapKeyReference getConfigMapKeyRef() { return configMapKeyRef; }
    public void setConfigMapKeyRef(ConfigMapKeyReference configMapKeyRef) { this.configMapKeyRef = configMapKeyRef; }
}
