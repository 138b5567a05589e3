package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A URL kept in a Secret, because it carries a signature or credentials. */
public class UrlSource {
    @Required
    @JsonPropertyDescription("The Secret key whose value is the http(s) URL.")
    private SecretValueReference secretKeyRef;

    public UrlSource() {
    }

    public UrlSource(SecretValueReference secretKeyRef) {
        this.secretKeyRef = secretKeyRef;
    }

    public SecretValueReference getSecretKeyRef() { return secretKeyRef; }
    public void setSecretKeyRef(SecretValueReference secretKeyRef) { this.secretKeyRef = secretKeyRef; }
}
