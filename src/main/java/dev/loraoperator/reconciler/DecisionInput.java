package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.status.Observation;
import java.time.Instant;

/**
 * Everything {@link Decider} looks at, already read.
 *
 * @param seen the status as this pass's observation leaves it, before anything is done
 * @param adoptJobId the adopt-job-id annotation, or null
 * @param adoptJobHeldBy namespace/name of another LoraTrainingJob that already records {@code adoptJobId}, or null
 * @param retryAttemptId the retry-submission annotation, or null
 * @param credentialsProblem why no token can be used, or null when one can
 * @param inputsMissing credentials or the config source cannot be read: nothing can be submitted
 * @param configInvalid the config or spec breaks a rule
 * @param desiredConfig the config the spec asks for now, prepared; null when invalid or unreadable
 * @param inputFingerprint fingerprint of config, GPUs and credentials now (null when not usable)
 * @param rememberedJobId a job id the submission of the Pending attempt answered with, kept in memory because the
 *        status write after it failed; null when there is none
 */
public record DecisionInput(LoraTrainingJobSpec spec, LoraTrainingJobStatus seen, Observation observation,
        String adoptJobId, String adoptJobHeldBy, String retryAttemptId, String credentialsProblem, boolean inputsMissing,
        boolean configInvalid, PreparedConfig desiredConfig, String inputFingerprint, String rememberedJobId,
        Instant now) {

    /** A builder, so tests name what they set instead of passing a row of nulls and booleans. */
    public static Builder of(LoraTrainingJobSpec spec, LoraTrainingJobStatus seen, Instant now) {
        return new Builder(spec, seen, now);
    }

    /** Builds a {@link DecisionInput}; everything not set is absent, valid and fine. */
    public static final class Builder {
        private final LoraTrainingJobSpec spec;
        private final LoraTrainingJobStatus seen;
        private final Instant now;
        private Observation observation = Observation.NONE;
        private String adoptJobId;
        private String adoptJobHeldBy;
        private String retryAttemptId;
        private String credentialsProblem;
        private boolean inputsMissing;
        private boolean configInvalid;
        private PreparedConfig desiredConfig;
        private String inputFingerprint;
        private String rememberedJobId;

        private Builder(LoraTrainingJobSpec spec, LoraTrainingJobStatus seen, Instant now) {
            this.spec = spec;
            this.seen = seen;
            this.now = now;
        }

        public Builder observation(Observation value) { observation = value; return this; }
        public Builder adoptJobId(String value) { adoptJobId = value; return this; }
        public Builder adoptJobHeldBy(String value) { adoptJobHeldBy = value; return this; }
        public Builder retryAttemptId(String value) { retryAttemptId = value; return this; }
        public Builder credentialsProblem(String value) { credentialsProblem = value; return this; }
        public Builder inputsMissing(boolean value) { inputsMissing = value; return this; }
        public Builder configInvalid(boolean value) { configInvalid = value; return this; }
        public Builder desiredConfig(PreparedConfig value) { desiredConfig = value; return this; }
        public Builder inputFingerprint(String value) { inputFingerprint = value; return this; }
        public Builder rememberedJobId(String value) { rememberedJobId = value; return this; }

        public DecisionInput build() {
            return new DecisionInput(spec, seen, observation, adoptJobId, adoptJobHeldBy, retryAttemptId, credentialsProblem,
                    inputsMissing, configInvalid, desiredConfig, inputFingerprint, rememberedJobId, now);
        }
    }
}
