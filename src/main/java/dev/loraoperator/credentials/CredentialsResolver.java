package dev.loraoperator.credentials;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.SecretKeyReference;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.trainer.ApiToken;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads the API token at use time from the resource's Secret or the operator-wide default Secret. */
@ApplicationScoped
public class CredentialsResolver {
    private final KubernetesClient client;
    private final OperatorSettings settings;

    public CredentialsResolver(KubernetesClient client, OperatorSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    public Credentials resolve(LoraTrainingJob job) {
        return resolve(job.getMetadata().getNamespace(), job.getSpec().getCredentialsSecretRef());
    }

    /** The token of a resource in {@code resourceNamespace} with this optional credentialsSecretRef. */
    public Credentials resolve(String resourceNamespace, SecretKeyReference ref) {
        String namespace = ref != null ? resourceNamespace : settings.defaultCredentials().namespace();
        String name = ref != null ? ref.getName() : settings.defaultCredentials().name();
        String key = ref != null ? ref.getKey() : settings.defaultCredentials().key();
        String where = "Secret " + namespace + "/" + name + (ref != null ? "" : " (the operator's default)");
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            return Credentials.missing(where + " does not exist; create it with the RunComfy API token under key "
                    + key + ", or set spec.credentialsSecretRef");
        }
        String token = value(secret, key);
        if (token == null || token.isBlank()) {
            return Credentials.missing(where + " has no non-empty key " + key);
        }
        return Credentials.of(new ApiToken(token));
    }

    private static String value(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().get(key) != null) {
            try {
                return new String(Base64.getDecoder().decode(secret.getData().get(key).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return secret.getStringData() == null ? null : secret.getStringData().get(key);
    }
}
