package dev.loraoperator.reconciler;

import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.credentials.Credentials;
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

    /** Identifies config, GPUs and token together: a refused submission is retried only when this changes. */
    public String fingerprint(String gpuType, int gpuCount) {
        if (config == null || !credentials.available()) {
            return null;
        }
        return Fingerprints.sha256Hex(config.hash() + "|" + gpuType + "|" + gpuCount + "|"
                + credentials.fingerprint()).substring(0, 16);
    }
}
