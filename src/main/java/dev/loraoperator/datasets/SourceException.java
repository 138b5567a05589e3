package dev.loraoperator.datasets;

import java.io.IOException;

/** A dataset source that cannot be read as declared; the message names the file or entry, never a secret URL. */
public class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
