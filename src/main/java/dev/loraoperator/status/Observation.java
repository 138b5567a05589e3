package dev.loraoperator.status;

import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import dev.loraoperator.trainer.TrainerException;
import java.time.Duration;

/**
 * One look at the remote job in a pass.
 *
 * @param job the status read; null when the job was not read or the read failed
 * @param result the artifacts read this time; null when not read (not needed, or failed)
 * @param failure the read that failed, or null
 * @param heldBack when the shared rate limit held the look back: how long until a slot is free; null otherwise
 */
public record Observation(RemoteJob job, RemoteResult result, TrainerException failure, Duration heldBack) {
    /** No read this pass: the stored status is the view. */
    public static final Observation NONE = new Observation(null, null, null);

    public Observation(RemoteJob job, RemoteResult result, TrainerException failure) {
        this(job, result, failure, null);
    }

    public static Observation failed(TrainerException failure) {
        return new Observation(null, null, failure);
    }

    /** No read this pass because the rate limit had no slot: the stored status stays the view until {@code wait}. */
    public static Observation heldBack(Duration wait) {
        return new Observation(null, null, null, wait);
    }

    /** A status was read (possibly without the result, if that read failed). */
    public boolean read() {
        return job != null;
    }
}
