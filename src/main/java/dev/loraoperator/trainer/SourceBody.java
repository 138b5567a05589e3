package dev.loraoperator.trainer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;

/**
 * An upload body streamed from its source with an exact Content-Length, which remembers whether the source (rather
 * than the network) failed, and fails the upload when the source yields more or fewer bytes than announced.
 */
final class SourceBody {
    private final UploadFile file;
    private volatile IOException failure;

    SourceBody(UploadFile file) {
        this.file = file;
    }

    HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::open),
                file.size());
    }

    /** Throws what the source raised, if it raised anything; call after a failed send. */
    void rethrowSourceFailure() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private InputStream open() {
        try {
            return new Counted(file.opener().open());
        } catch (IOException e) {
            failure = e;
            return new Counted(InputStream.nullInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    throw e;
                }
            };
        }
    }

    /** Counts the bytes read, and turns a size different from the announced one into a source failure. */
    private class Counted extends FilterInputStream {
        private long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                if (count > file.size() || (n < 0 && count != file.size())) {
                    throw new IOException(file.filename() + ": the source gave " + (n < 0 ? count : "more than "
                            + file.size()) + " bytes, " + file.size() + " were announced");
                }
                return n;
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }
}
