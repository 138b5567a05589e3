package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Points at one key of a ConfigMap in the resource's namespace. */
public class ConfigMapKeyReference {
    @Required
    @JsonPropertyDescription("Name of the ConfigMap, in the same namespace as the LoraTrainingJob.")
    private String name;

    @Required
    @JsonPropertyDescription("Key whose value is the AI Toolkit config as a YAML string.")
    private String key;

    public ConfigMapKeyReference() {
    }

    public ConfigMapKeyReference(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
}
