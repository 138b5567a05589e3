package dev.loraoperator.simulator;

/** The Trainer API operations (jobs, datasets, the signed storage PUT), to aim fault knobs and count requests. */
public enum Operation {
    SUBMIT, STATUS, RESULT, CANCEL, RESUME, EDIT,
    CREATE_DATASET, LIST_DATASETS, DATASET_STATUS, UPLOAD_FILE, UPLOAD_ENDPOINT, DELETE_DATASET,
    /** A PUT to a signed URL of the simulated object store. */
    STORAGE_PUT,
    /** A path or method the Trainer API does not have; answered 404 and never the target of a fault. */
    UNKNOWN
}
