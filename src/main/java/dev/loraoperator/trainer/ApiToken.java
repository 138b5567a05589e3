package dev.loraoperator.trainer;

import java.util.Objects;

/** A RunComfy API token that cannot leak through toString, logs or string concatenation. */
public final class ApiToken {
    private final String value;

    /** @throws IllegalArgumentException when {@link #defect} finds the value unusable (the message never shows it) */
    public ApiToken(String value) {
        String stripped = Objects.requireNonNull(value).strip();
        String defect = defect(stripped);
        if (defect != null) {
            throw new IllegalArgumentException("not a usable API token: " + defect);
        }
        this.value = stripped;
    }

    /**
     * Why a value (surrounding whitespace aside, as Secrets made with {@code echo} end in a line break) cannot be sent
     * as a bearer token, or null when it can. Checked when the token is read, so that a bad one is a clear message
     * to the user rather than a request that fails to build. Never describes the characters themselves.
     */
    public static String defect(String value) {
        String token = value.strip();
        if (token.isEmpty()) {
            return "it is empty";
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '\n' || c == '\r') {
                return "it contains a line break (one token, on one line, is expected)";
            }
            if (c < 0x21 || c > 0x7e) {
                return "it contains a space, a control character or a character outside printable ASCII";
            }
        }
        return null;
    }

    /** The raw token, for the Authorization header only. */
    String reveal() {
        return value;
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
