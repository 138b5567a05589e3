package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import java.time.Instant;

/**
 * What {@link ControlPlanner} looks at: the spec, the status (with the remote state just observed), and the config
 * the spec asks for now.
 *
 * @param desiredConfigHash hash of the config the spec asks for, or null when it is invalid or unreadable
 * @param desiredConfigName config.name of that config, or null
 * @param controlFingerprint fingerprint of the inputs a refused control would be repeated with
 */
public record ControlInput(LoraTrainingJobSpec spec, LoraTrainingJobStatus status, String desiredConfigHash,
        String desiredConfigName, String controlFingerprint, Instant now) {
}
