package dev.loraoperator.api.v1alpha1;

/** Where a LoraDataset stands, as one word. */
public enum DatasetPhase {
    /** Not created remotely yet, or waiting for credentials or sources. */
    Pending,
    /** Files are being sent. */
    Uploading,
    /** Every file is sent; RunComfy is checking them. */
    Processing,
    /** RunComfy reports READY: jobs can train on it. */
    Ready,
    /** RunComfy reports FAILED, or a source cannot be read. */
    Failed,
    /** The remote dataset cannot be observed (gone, or an unknown remote status). */
    Unknown
}
