package dev.loraoperator.trainer;

import java.util.Objects;

/** A RunComfy API token that cannot leak through toString, logs or string concatenation. */
public final class ApiToken {
    private final String value;

    public ApiToken(String value) {
        this.value = Objects.requireNonNull(value).strip();
    }

    /** The raw token, for the Authorization header only. */
    String reveal() {
        return value;
    }

    /** A short fingerprint that tells tokens apart without revealing them (first 12 hex chars of SHA-256). */
    public String fingerprint() {
        return Fingerprints.sha256Hex(value).substring(0, 12);
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiToken other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
