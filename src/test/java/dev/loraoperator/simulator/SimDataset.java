package dev.loraoperator.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One simulated dataset: its files (name, size, digest) and when the last one arrived; the status is derived. */
final class SimDataset {

    /** A stored file: never its bytes, only how many and their SHA-256. */
    record StoredFile(String filename, long size, String sha256) {
    }

    private final String id;
    private final String name;
    private final Instant createdAt;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private Instant lastUpload;
    private boolean deleted;

    SimDataset(String id, String name, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    synchronized boolean deleted() {
        return deleted;
    }

    synchronized void delete() {
        deleted = true;
    }

    /** The same name replaces the earlier copy (trainer-api.md §3.5). */
    synchronized void store(StoredFile file, Instant now) {
        files.put(file.filename(), file);
        lastUpload = now;
    }

    synchronized Map<String, StoredFile> files() {
        return Map.copyOf(files);
    }

    synchronized Instant updatedAt() {
        return lastUpload == null ? createdAt : lastUpload;
    }

    /**
     * DRAFT without files; UPLOADING until {@code checkTime} has passed since the last file arrived; then READY, or
     * FAILED when a file has the bad name.
     */
    synchronized String status(Instant now, Duration checkTime, String badFile) {
        if (files.isEmpty()) {
            return "DRAFT";
        }
        if (now.isBefore(lastUpload.plus(checkTime))) {
            return "UPLOADING";
        }
        return badFile != null && files.containsKey(badFile) ? "FAILED" : "READY";
    }
}
