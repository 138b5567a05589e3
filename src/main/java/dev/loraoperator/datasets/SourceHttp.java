package dev.loraoperator.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens http(s) sources with a connect timeout, a read timeout on every read, a size limit, and redirects followed
 * by hand, only to http(s). Messages name the file, never the URL (it may carry a signature).
 */
public final class SourceHttp {
    /** The bounds of every source download. */
    public record Limits(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects) {
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(60),
                50L * 1024 * 1024 * 1024, 5);
    }

    /** An open download: the length the server announced (-1 when it did not), and the body. */
    public record Response(long length, InputStream body) implements Closeable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private final Limits limits;

    public SourceHttp(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * The size of the file, from a one-byte range request (signed URLs allow GET only, so no HEAD), else from the
     * Content-Length of the whole answer, which is then dropped unread; -1 when the server names no size.
     */
    public long size(URI uri, String what) throws SourceException {
        try (Response response = open(uri, what, true)) {
            return response.length();
        } catch (SourceException e) {
            throw e;
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    public Response open(URI uri, String what) throws SourceException {
        return open(uri, what, false);
    }

    private Response open(URI uri, String what, boolean firstByteOnly) throws SourceException {
        URI current = requireHttp(uri, what);
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = connect(current, what);
            if (firstByteOnly) {
                connection.setRequestProperty("Range", "bytes=0-0");
            }
            int code = status(connection, what);
            if (code / 100 == 3 && connection.getHeaderField("Location") != null) {
                connection.disconnect();
                if (redirects >= limits.maxRedirects()) {
                    throw new SourceException(what + ": more than " + limits.maxRedirects() + " redirects");
                }
                current = requireHttp(current.resolve(connection.getHeaderField("Location")), what);
                continue;
            }
            if (code / 100 != 2) {
                connection.disconnect();
                throw new SourceException(what + ": the source answered HTTP " + code
                        + (code == 404 ? " (not found)" : ""));
            }
            long length = code == 206 ? rangeTotal(connection.getHeaderField("Content-Range"))
                    : connection.getContentLengthLong();
            if (length > limits.maxBytes()) {
                connection.disconnect();
                throw new SourceException(what + ": " + length + " bytes is above the limit of " + limits.maxBytes());
            }
            if (firstByteOnly) {
                connection.disconnect(); // the size is all that was asked; the body is not read
                return new Response(length, InputStream.nullInputStream());
            }
            if (code == 206) {
                connection.disconnect();
                throw new SourceException(what + ": the source answered a part (HTTP 206) to a request for the whole");
            }
            try {
                return new Response(length, new TimeoutNaming(connection.getInputStream(), what));
            } catch (IOException e) {
                throw failure(what, e);
            }
        }
    }

    /** The total of "Content-Range: bytes 0-0/12345", or -1 when the total is not given ("*"). */
    private static long rangeTotal(String contentRange) {
        if (contentRange == null || !contentRange.matches("bytes \\d+-\\d+/\\d+")) {
            return -1;
        }
        return Long.parseLong(contentRange.substring(contentRange.indexOf('/') + 1));
    }

    private HttpURLConnection connect(URI uri, String what) throws SourceException {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) limits.connectTimeout().toMillis());
            connection.setReadTimeout((int) limits.readTimeout().toMillis());
            connection.setRequestProperty("Accept-Encoding", "identity");
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException(what + ": cannot open the URL (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static int status(HttpURLConnection connection, String what) throws SourceException {
        try {
            return connection.getResponseCode();
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    private static SourceException failure(String what, IOException e) {
        return new SourceException(what + (e instanceof SocketTimeoutException ? ": the source did not answer in time"
                : ": the download failed (" + e.getClass().getSimpleName() + ")"));
    }

    private static URI requireHttp(URI uri, String what) throws SourceException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceException(what + ": only http and https URLs are followed, not " + (scheme.isEmpty()
                    ? "a relative URL" : scheme + ":"));
        }
        return uri;
    }

    /** Turns a read timeout or reset in the middle of a download into a SourceException naming the file. */
    private static final class TimeoutNaming extends java.io.FilterInputStream {
        private final String what;

        TimeoutNaming(InputStream in, String what) {
            super(in);
            this.what = what;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (SourceException e) {
                throw e;
            } catch (IOException e) {
                throw failure(what, e);
            }
        }
    }
}
