package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * What the status function needs besides the status, the observation and the outcome.
 *
 * @param accepted whether the spec, config and credentials are usable, and if not why
 * @param configInvalid the config (or the spec itself) breaks a rule: no remote call is made for it
 * @param progressWriteInterval progress-only changes are written at most this often
 * @param usesDatasets the config names LoraDatasets of the job's namespace (condition DatasetsReady)
 * @param datasetsWaiting what the job waits for, in words, or null when every dataset it names is Ready
 */
public record JobFacts(LoraTrainingJobSpec spec, long generation, Verdict accepted, boolean configInvalid,
        Instant now, Duration progressWriteInterval, boolean usesDatasets, String datasetsWaiting) {

    /** Facts under which every progress change is written at once, for a job that names no LoraDataset. */
    public JobFacts(LoraTrainingJobSpec spec, long generation, Verdict accepted, boolean configInvalid, Instant now) {
        this(spec, generation, accepted, configInvalid, now, Duration.ZERO, false, null);
    }

    public JobFacts(LoraTrainingJobSpec spec, long generation, Verdict accepted, boolean configInvalid, Instant now,
            Duration progressWriteInterval) {
        this(spec, generation, accepted, configInvalid, now, progressWriteInterval, false, null);
    }
}
