package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.datasets.DatasetBinding;
import dev.loraoperator.credentials.Credentials;
import dev.loraoperator.status.Verdict;
import dev.loraoperator.trainer.Fingerprints;
import java.util.List;
import java.util.Map;

/**
 * What a reconcile read from the cluster besides the resource: the token and the prepared config.
 *
 * @param config null when the config is missing or invalid
 * @param configProblems the rules the config breaks (empty when valid or missing)
 * @param configSourceProblem why the ConfigMap could not be read, or null
 * @param datasets the LoraDatasets the config's dataset folders name, and whether they are Ready
 */
public record JobInputs(Credentials credentials, PreparedConfig config, List<String> configProblems,
        String configSourceProblem, DatasetBinding.Result datasets) {
    static final DatasetBinding.Result NO_DATASETS = new DatasetBinding.Result(Map.of(), List.of(), List.of());

    public JobInputs(Credentials credentials, PreparedConfig config, List<String> configProblems,
            String configSourceProblem) {
        this(credentials, config, configProblems, configSourceProblem, NO_DATASETS);
    }

    /** Something to submit with is not there (yet): credentials, the ConfigMap, or a Ready LoraDataset. */
    public boolean missing() {
        return !credentials.available() || configSourceProblem != null || !datasets.waiting().isEmpty()
                || !datasets.failed().isEmpty();
    }

    /** Whether the config names a LoraDataset of the job's namespace. */
    public boolean usesDatasets() {
        return !datasets.remoteNames().isEmpty() || !datasets.waiting().isEmpty() || !datasets.failed().isEmpty();
    }

    /** What the job waits for, in words, or null when every LoraDataset it names is Ready. */
    public String datasetsWaiting() {
        if (datasets.waiting().isEmpty() || !datasets.failed().isEmpty()) {
            return null;
        }
        return "waiting for " + describe(datasets.waiting()) + " to be Ready";
    }

    private static String describe(List<DatasetBinding.Use> uses) {
        return uses.stream().map(u -> "LoraDataset " + u.dataset() + " (" + u.detail() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public boolean configInvalid() {
        return !configProblems.isEmpty();
    }

    /** Whether the spec, config and credentials are usable, and if not the first thing to fix. */
    public Verdict accepted() {
        // A spec or config that breaks a rule comes first: it is what the user must change, whatever else is missing.
        if (configInvalid()) {
            return Verdict.no("InvalidConfig", String.join("; ", configProblems));
        }
        if (!credentials.available()) {
            return Verdict.no("MissingCredentials", credentials.problem());
        }
        if (configSourceProblem != null) {
            return Verdict.no("MissingConfigSource", configSourceProblem);
        }
        if (!datasets.failed().isEmpty()) {
            return Verdict.no("DatasetFailed", describe(datasets.failed()) + ": the job cannot start on it; fix or "
                    + "replace the dataset, or name another one in folder_path");
        }
        return Verdict.yes("Valid", "the config and the credentials are usable");
    }

    /** Identifies config, GPUs and token together: a refused submission is retried only when this changes. */
    public String fingerprint(LoraTrainingJobSpec spec) {
        if (config == null || !credentials.available()) {
            return null;
        }
        return Fingerprints.sha256Hex(config.hash() + "|" + spec.getGpuType() + "|" + spec.gpuCountOrDefault() + "|"
                + credentials.fingerprint()).substring(0, 16);
    }
}
