package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.credentials.Credentials;
import dev.loraoperator.status.Verdict;
import dev.loraoperator.trainer.Fingerprints;
import java.util.List;

/**
 * What a reconcile read from the cluster besides the resource: the token and the prepared config.
 *
 * @param config null when the config is missing or invalid
 * @param configProblems the rules the config breaks (empty when valid or missing)
 * @param configSourceProblem why the ConfigMap could not be read, or null
 */
public record JobInputs(Credentials credentials, PreparedConfig config, List<String> configProblems,
        String configSourceProblem) {

    public boolean missing() {
        return !credentials.available() || configSourceProblem != null;
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
