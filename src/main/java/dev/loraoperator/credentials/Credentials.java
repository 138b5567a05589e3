package dev.loraoperator.credentials;

import dev.loraoperator.trainer.ApiToken;

/**
 * The outcome of looking up a token: the token, or a sentence saying what the user must fix.
 *
 * @param fingerprint identifies the Secret version the token came from (its uid and resourceVersion): it changes when
 *     the Secret changes, and, unlike a hash of the token, reveals nothing about the token where it is stored
 */
public record Credentials(ApiToken token, String fingerprint, String problem) {
    public static Credentials of(ApiToken token, String fingerprint) {
        return new Credentials(token, fingerprint, null);
    }

    public static Credentials missing(String problem) {
        return new Credentials(null, null, problem);
    }

    public boolean available() {
        return token != null;
    }
}
