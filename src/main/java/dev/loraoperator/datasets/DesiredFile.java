package dev.loraoperator.datasets;

/** A file the spec asks the remote dataset to hold: its name and exact size in bytes. */
public record DesiredFile(String name, long size) {
}
