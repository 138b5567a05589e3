package dev.loraoperator.credentials;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.SecretKeyReference;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.trainer.ApiToken;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the API token for a resource, in its own Secret or the operator-wide default Secret: Secrets are cached for
 * the retry interval, and the last token found for each resource is kept for cancels after its Secret is gone.
 */
@ApplicationScoped
public class CredentialsResolver {
    private final SecretCache secrets;
    private final DefaultSecret defaultSecret;
    private final Map<String, Credentials> lastKnown = new ConcurrentHashMap<>();

    @Inject
    public CredentialsResolver(KubernetesClient client, OperatorSettings settings, Clock clock) {
        this((namespace, name) -> client.secrets().inNamespace(namespace).withName(name).get(),
                DefaultSecret.of(settings.defaultCredentials()), settings.poll().retryInterval(), clock);
    }

    CredentialsResolver(SecretCache.Reader reader, DefaultSecret defaultSecret, Duration refreshInterval, Clock clock) {
        this.secrets = new SecretCache(reader, refreshInterval, clock);
        this.defaultSecret = defaultSecret;
    }

    /** The token for a job; when found, also kept as the job's {@link #lastKnown}. */
    public Credentials resolve(LoraTrainingJob job) {
        Credentials found = resolve(job.getMetadata().getNamespace(), job.getSpec().getCredentialsSecretRef());
        if (found.available()) {
            lastKnown.put(job.getMetadata().getUid(), found);
        }
        return found;
    }

    /** The token a resource in {@code namespace} refers to with {@code ref}, or the default Secret's when ref is null. */
    public Credentials resolve(String namespace, SecretKeyReference ref) {
        if (ref != null) {
            String where = "Secret " + namespace + "/" + ref.getName();
            return read(namespace, ref.getName(), ref.getKey(), where, where + " does not exist; create it with the "
                    + "RunComfy API token under key " + ref.getKey() + ": " + createCommand(namespace, ref.getName(), ref.getKey()));
        }
        DefaultSecret d = defaultSecret;
        if (!d.serves(namespace)) {
            return Credentials.missing("spec.credentialsSecretRef is not set, and the operator's default Secret does not "
                    + "serve namespace " + namespace + " (setting lora-operator.default-credentials.namespaces); create a "
                    + "Secret in " + namespace + " holding the RunComfy API token and point spec.credentialsSecretRef at it");
        }
        String where = "the operator's default Secret " + d.namespace() + "/" + d.name();
        return read(d.namespace(), d.name(), d.key(), where, where + " does not exist; create it with the RunComfy API "
                + "token under key " + d.key() + " (" + createCommand(d.namespace(), d.name(), d.key()) + "), or set "
                + "spec.credentialsSecretRef to a Secret in namespace " + namespace);
    }

    /** The next resolve reads the job's Secret from the API server again (e.g. after the API answered 401). */
    public void invalidate(LoraTrainingJob job) {
        SecretKeyReference ref = job.getSpec().getCredentialsSecretRef();
        if (ref != null) {
            secrets.invalidate(job.getMetadata().getNamespace(), ref.getName());
        } else {
            secrets.invalidate(defaultSecret.namespace(), defaultSecret.name());
        }
    }

    /**
     * The credentials last resolved for the resource with this uid, also once its Secret is gone: deleting a namespace
     * deletes its Secrets together with its jobs, and the finalizer still has to cancel the remote job.
     */
    public Optional<Credentials> lastKnown(String uid) {
        return Optional.ofNullable(lastKnown.get(uid));
    }

    /** Drops what {@link #lastKnown} keeps for a resource, once it no longer needs a token (released, deleted). */
    public void forget(String uid) {
        lastKnown.remove(uid);
    }

    private Credentials read(String namespace, String name, String key, String where, String whenAbsent) {
        Optional<Secret> secret = secrets.get(namespace, name);
        if (secret.isEmpty()) {
            return Credentials.missing(whenAbsent);
        }
        String token = value(secret.get(), key);
        if (token == null || token.isBlank()) {
            return Credentials.missing(where + " has no non-empty key " + key);
        }
        String defect = ApiToken.defect(token);
        if (defect != null) {
            return Credentials.missing(where + ", key " + key + ", does not hold a usable RunComfy API token: " + defect);
        }
        return Credentials.of(new ApiToken(token), fingerprint(secret.get()));
    }

    /** Changes whenever the Secret does; says nothing about the token. */
    private static String fingerprint(Secret secret) {
        return "secret:" + secret.getMetadata().getUid() + "@" + secret.getMetadata().getResourceVersion();
    }

    private static String createCommand(String namespace, String name, String key) {
        return "kubectl -n " + namespace + " create secret generic " + name + " --from-literal=" + key + "=<token>";
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
