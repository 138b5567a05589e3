package dev.loraoperator.simulator;

/**
 * One file the simulator received, direct or through a signed URL: its name, size and SHA-256, never its bytes.
 *
 * @param via "direct" (multipart upload) or "signed" (PUT to the object store)
 */
public record UploadRecord(String datasetId, String filename, long size, String sha256, String via) {
}
