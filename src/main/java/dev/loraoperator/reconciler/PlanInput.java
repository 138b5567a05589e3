package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;

/**
 * Everything the {@link Planner} looks at, already read from the cluster.
 *
 * @param inputsMissing credentials or the ConfigMap could not be read
 * @param configInvalid the config breaks a rule
 * @param inputFingerprint fingerprint of config, GPUs and token now (null when inputs are not usable)
 * @param remoteWorkPending a spec change or control asks for a remote call even though the job is over
 */
public record PlanInput(LoraTrainingJobStatus status, boolean suspend, String adoptJobId, String retryAttemptId,
        boolean inputsMissing, boolean configInvalid, String inputFingerprint, boolean synced,
        boolean remoteWorkPending) {
}
