package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Points at a whole ConfigMap in the resource's namespace. */
public class ConfigMapReference {
    @Required
    @JsonPropertyDescription("Name of the ConfigMap, in the same namespace as this resource.")
    private String name;

    public ConfigMapReference() {
    }

    public ConfigMapReference(String name) {
        this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
