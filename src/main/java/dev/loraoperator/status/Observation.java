package dev.loraoperator.status;

import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import dev.loraoperator.trainer.TrainerException;

/**
 * One look at the remote job in a pass.
 *
 * @param job the status read; null when the job was not read or the read failed
 * @param result the artifacts read this time; null when not read (not needed, or failed)
 * @param failure the read that failed, or null
 */
public record Observation(RemoteJob job, RemoteResult result, TrainerException failure) {
    /** No read this pass: the stored status is the view. */
    public static final Observation NONE = new Observation(null, null, null);

    public static Observation failed(TrainerException failure) {
        return new Observation(null, null, failure);
    }

    /** A status was read (possibly without the result, if that read failed). */
    public boolean read() {
        return job != null;
    }
}
