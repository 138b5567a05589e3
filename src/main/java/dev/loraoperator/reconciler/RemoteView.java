package dev.loraoperator.reconciler;

import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteResult;
import dev.loraoperator.trainer.TrainerException;

/**
 * One look at the remote job.
 *
 * @param job the status read, or null when the read failed
 * @param result the artifacts read this time, or null when not read (not needed, or failed)
 * @param failure the read that failed, or null
 */
public record RemoteView(RemoteJob job, RemoteResult result, TrainerException failure) {
    public boolean ok() {
        return failure == null;
    }
}
