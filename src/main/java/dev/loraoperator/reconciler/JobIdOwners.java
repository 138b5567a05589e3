package dev.loraoperator.reconciler;

/** Which LoraTrainingJob already records a remote job id: one remote job has one owner. */
@FunctionalInterface
public interface JobIdOwners {
    /** namespace/name of a resource other than {@code exceptUid} whose status records {@code jobId}, or null. */
    String ownerOf(String jobId, String exceptUid);
}
