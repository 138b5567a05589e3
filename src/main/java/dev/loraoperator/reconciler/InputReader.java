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
import com.fasterxml.jackson.databind.JsonNode;
import dev.loraoperator.credentials.Credentials;
import dev.loraoperator.datasets.DatasetBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the token and the config a LoraTrainingJob points at, and prepares the config for submission. */
@ApplicationScoped
public class InputReader {
    private final KubernetesClient client;
    private final CredentialsResolver credentials;
    private final DatasetLookup datasetLookup;
    private final ConfigPreparer preparer = new ConfigPreparer(ConfigLimits.defaults());

    public InputReader(KubernetesClient client, CredentialsResolver credentials, DatasetLookup datasetLookup) {
        this.client = client;
        this.credentials = credentials;
        this.datasetLookup = datasetLookup;
    }

    public JobInputs read(LoraTrainingJob job) {
        var creds = credentials.resolve(job);
        LoraTrainingJobSpec spec = job.getSpec();
        if (!spec.unreadableFields().isEmpty()) {
            return new JobInputs(creds, null, spec.unreadableFields(), null);
        }
        try {
            JsonNode config;
            if (spec.getConfigFrom() != null && spec.getConfigFrom().getConfigMapKeyRef() != null) {
                ConfigMapKeyReference ref = spec.getConfigFrom().getConfigMapKeyRef();
                String text = configMapValue(job.getMetadata().getNamespace(), ref);
                if (text == null) {
                    return new JobInputs(creds, null, List.of(), "ConfigMap " + job.getMetadata().getNamespace()
                            + "/" + ref.getName() + " does not exist or has no key " + ref.getKey());
                }
                config = preparer.parse(text);
            } else if (spec.getConfig() == null || spec.getConfig().isNull()) {
                return new JobInputs(creds, null, List.of("spec.config or spec.configFrom is required"), null);
            } else {
                config = spec.getConfig();
            }
            return withDatasets(job, creds, config);
        } catch (InvalidConfigException e) {
            return new JobInputs(creds, null, e.problems(), null);
        }
    }

    /**
     * A dataset folder that names a LoraDataset of the job's namespace means that dataset: the submitted copy uses
     * its RunComfy name once it is Ready (design.md, "Jobs that use it"); other names are RunComfy datasets as before.
     */
    private JobInputs withDatasets(LoraTrainingJob job, Credentials creds, JsonNode config)
            throws InvalidConfigException {
        Set<String> folders = DatasetBinding.folderNames(config);
        DatasetBinding.Result datasets = folders.isEmpty() ? JobInputs.NO_DATASETS
                : DatasetBinding.resolve(folders, datasetLookup.inNamespace(job.getMetadata().getNamespace()),
                        recordedDatasets(job));
        if (datasets.remoteNames().isEmpty()) {
            return new JobInputs(creds, preparer.fromInline(config), List.of(), null, datasets);
        }
        PreparedConfig prepared = preparer.fromInline(DatasetBinding.substitute(config, datasets.remoteNames()));
        List<String> notes = new ArrayList<>(prepared.adjustments());
        datasets.remoteNames().forEach((folder, remote) -> notes.add("folder_path " + folder + " names LoraDataset "
                + folder + ": submitted as RunComfy dataset " + remote));
        return new JobInputs(creds, new PreparedConfig(prepared.name(), prepared.yaml(), prepared.hash(), notes,
                prepared.totalSteps(), prepared.saveEvery(), datasets.remoteNames()), List.of(), null, datasets);
    }

    private static Map<String, String> recordedDatasets(LoraTrainingJob job) {
        var submission = job.getStatus() == null ? null : job.getStatus().getSubmission();
        return submission == null || submission.getDatasets() == null ? Map.of() : submission.getDatasets();
    }

    private String configMapValue(String namespace, ConfigMapKeyReference ref) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.getName()).get();
        return map == null || map.getData() == null ? null : map.getData().get(ref.getKey());
    }
}
