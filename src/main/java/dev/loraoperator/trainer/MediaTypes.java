package dev.loraoperator.trainer;

import java.util.Locale;
import java.util.Map;

/** The Content-Type of a dataset file, from its extension (the types RunComfy's CLI sends). */
final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("webp", "image/webp"),
            Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("webm", "video/webm"),
            Map.entry("mkv", "video/x-matroska"), Map.entry("avi", "video/x-msvideo"), Map.entry("txt", "text/plain"));

    private MediaTypes() {
    }

    static String of(String filename) {
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }
}
