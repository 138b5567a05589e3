package dev.loraoperator.trainer;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file to upload: its name, its exact size, and a way to open its bytes as a stream (opened once per attempt;
 * the stream must yield exactly {@code size} bytes, or the upload fails rather than sending a short file).
 */
public record UploadFile(String filename, long size, Opener opener) {

    /** Opens the file's bytes from its source. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    @Override
    public String toString() {
        return "UploadFile[" + filename + ", " + size + " bytes]";
    }
}
