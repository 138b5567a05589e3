package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Points at one key of a Secret in the resource's namespace. */
public class SecretKeyReference {
    @Required
    @JsonPropertyDescription("Name of the Secret, in the same namespace as this resource.")
    private String name;

    @Required
    @JsonPropertyDescription("Key whose value is the RunComfy API token.")
    private String key;

    public SecretKeyReference() {
    }

    public SecretKeyReference(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
}
