package dev.loraoperator.datasets;

/** Told about every dataset file upload, for metrics; low-cardinality facts only, never a name. */
public interface UploadObserver {
    /** @param via "direct" or "signed" */
    void fileUploaded(String via, long bytes);

    /** @param cause "source" (the file could not be read) or "api" (the Trainer API or storage failed) */
    void uploadFailed(String cause);

    UploadObserver NONE = new UploadObserver() {
        @Override
        public void fileUploaded(String via, long bytes) {
        }

        @Override
        public void uploadFailed(String cause) {
        }
    };
}
