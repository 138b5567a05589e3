package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Points at one key of a Secret in the resource's namespace, whose value is not the API token. */
public class SecretValueReference {
    @Required
    @JsonPropertyDescription("Name of the Secret, in the same namespace as this resource.")
    private String name;

    @Required
    @JsonPropertyDescription("Key of the Secret holding the value.")
    private String key;

    public SecretValueReference() {
    }

    public SecretValueReference(String name, String key) {
        this.name = name;
        this.key = key;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
}
