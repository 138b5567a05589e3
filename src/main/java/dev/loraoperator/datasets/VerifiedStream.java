package dev.loraoperator.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes through while counting and hashing them. The checksum is compared on the read that would complete
 * the expected size, before those last bytes are handed on, so that a receiver with an exact Content-Length never
 * gets a complete file that does not match.
 */
final class VerifiedStream extends FilterInputStream {
    private final String what;
    private final long limit;
    private final String expectedSha256;
    private final long expectedSize;
    private final MessageDigest digest;
    private long count;

    /**
     * @param expectedSize the size the bytes must have, or -1 when only {@code limit} applies
     * @param expectedSha256 lower-case hex, or null for no check
     */
    VerifiedStream(InputStream in, String what, long expectedSize, long limit, String expectedSha256) {
        super(in);
        this.what = what;
        this.expectedSize = expectedSize;
        this.limit = limit;
        this.expectedSha256 = expectedSha256 == null ? null : expectedSha256.toLowerCase(java.util.Locale.ROOT);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            if (expectedSize >= 0 && count != expectedSize) {
                throw new SourceException(what + ": the source ended after " + count + " of " + expectedSize + " bytes");
            }
            if (expectedSize < 0) {
                verify();
            }
            return n;
        }
        count += n;
        if (count > limit || (expectedSize >= 0 && count > expectedSize)) {
            throw new SourceException(what + ": larger than " + (expectedSize >= 0 ? expectedSize : limit) + " bytes");
        }
        if (expectedSha256 != null) {
            digest.update(b, off, n);
        }
        if (count == expectedSize) {
            verify();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192)));
    }

    long count() {
        return count;
    }

    private void verify() throws SourceException {
        if (expectedSha256 == null) {
            return;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expectedSha256)) {
            throw new SourceException(what + ": checksum mismatch (sha256 " + actual + ", expected " + expectedSha256
                    + ")");
        }
    }
}
