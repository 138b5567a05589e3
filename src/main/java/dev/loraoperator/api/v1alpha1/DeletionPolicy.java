package dev.loraoperator.api.v1alpha1;

/** What deleting the resource does to a remote job that is still active. */
public enum DeletionPolicy {
    /** Cancel the remote job and wait until the API confirms it. */
    Cancel,
    /** Leave the remote job running; the user takes responsibility for it. */
    Orphan
}
