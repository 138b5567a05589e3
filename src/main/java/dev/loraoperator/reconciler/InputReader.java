package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ConfigMapKeyReference;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.config.ConfigLimits;
import dev.loraoperator.config.ConfigPreparer;
import dev.loraoperator.config.InvalidConfigException;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.credentials.CredentialsResolver;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the token and the config a LoraTrainingJob points at, and prepares the config for submission. */
@ApplicationScoped
public class InputReader {
    private final KubernetesClient client;
    private final CredentialsResolver credentials;
    private final ConfigPreparer preparer = new ConfigPreparer(ConfigLimits.defaults());

    public InputReader(KubernetesClient client, CredentialsResolver credentials) {
        this.client = client;
        this.credentials = credentials;
    }

    public JobInputs read(LoraTrainingJob job) {
        var creds = credentials.resolve(job);
        LoraTrainingJobSpec spec = job.getSpec();
        if (!spec.unreadableFields().isEmpty()) {
            return new JobInputs(creds, null, spec.unreadableFields(), null);
        }
        try {
            if (spec.getConfigFrom() != null && spec.getConfigFrom().getConfigMapKeyRef() != null) {
                ConfigMapKeyReference ref = spec.getConfigFrom().getConfigMapKeyRef();
                String text = configMapValue(job.getMetadata().getNamespace(), ref);
                if (text == null) {
                    return new JobInputs(creds, null, List.of(), "ConfigMap " + job.getMetadata().getNamespace()
                            + "/" + ref.getName() + " does not exist or has no key " + ref.getKey());
                }
                return new JobInputs(creds, preparer.fromYamlText(text), List.of(), null);
            }
            if (spec.getConfig() == null || spec.getConfig().isNull()) {
                return new JobInputs(creds, null, List.of("spec.config or spec.configFrom is required"), null);
            }
            PreparedConfig prepared = preparer.fromInline(spec.getConfig());
            return new JobInputs(creds, prepared, List.of(), null);
        } catch (InvalidConfigException e) {
            return new JobInputs(creds, null, e.problems(), null);
        }
    }

    private String configMapValue(String namespace, ConfigMapKeyReference ref) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.getName()).get();
        return map == null || map.getData() == null ? null : map.getData().get(ref.getKey());
    }
}
