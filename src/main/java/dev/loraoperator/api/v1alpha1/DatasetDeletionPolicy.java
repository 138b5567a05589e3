package dev.loraoperator.api.v1alpha1;

/** What deleting a LoraDataset does to its remote dataset. */
public enum DatasetDeletionPolicy {
    /** Delete the remote dataset with the resource. */
    Delete,
    /** Keep the remote dataset; the user takes responsibility for it. */
    Orphan
}
