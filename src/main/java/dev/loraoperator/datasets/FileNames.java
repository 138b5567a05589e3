package dev.loraoperator.datasets;

import java.util.Locale;
import java.util.Set;

/** Which file names a dataset takes: media AI Toolkit reads, and .txt captions (trainer-api.md §3.5). */
public final class FileNames {
    static final Set<String> MEDIA = Set.of("jpg", "jpeg", "png", "webp", "mp4", "avi", "mov", "webm", "mkv", "wmv",
            "m4v", "flv");

    private FileNames() {
    }

    /** Whether a flat file name is a media or caption file, and not a hidden or AppleDouble file. */
    public static boolean accepted(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extension.equals("txt") || MEDIA.contains(extension);
    }

    /** Fails with a message naming the file when it is not a media or caption file. */
    static String require(String name, String where) throws SourceException {
        if (!accepted(name)) {
            throw new SourceException(where + ": " + name + " is not a media file (" + String.join(" ", MEDIA.stream()
                    .sorted().map(e -> "." + e).toList()) + ") or a .txt caption");
        }
        return name;
    }
}
