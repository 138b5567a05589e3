package dev.loraoperator.simulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes bytes as they stream past, so uploads of any size are checked without being kept. */
final class CountingDigest {
    private final MessageDigest sha256;
    private long count;

    CountingDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        sha256.update(bytes, offset, length);
        count += length;
    }

    void update(byte b) {
        sha256.update(b);
        count++;
    }

    long count() {
        return count;
    }

    String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
