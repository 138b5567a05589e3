package dev.loraoperator.trainer;

/** One file a remote dataset holds: its name and size in bytes. */
public record RemoteFile(String filename, long sizeBytes) {
}
