package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import java.time.Instant;

/**
 * What the status function needs besides the status, the observation and the outcome.
 *
 * @param accepted whether the spec, config and credentials are usable, and if not why
 * @param configInvalid the config (or the spec itself) breaks a rule: no remote call is made for it
 */
public record JobFacts(LoraTrainingJobSpec spec, long generation, Verdict accepted, boolean configInvalid,
        Instant now) {
}
