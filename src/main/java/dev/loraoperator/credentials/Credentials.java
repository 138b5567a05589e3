package dev.loraoperator.credentials;

import dev.loraoperator.trainer.ApiToken;

/** The outcome of looking up a token: the token, or a sentence saying what the user must fix. */
public record Credentials(ApiToken token, String problem) {
    public static Credentials of(ApiToken token) {
        return new Credentials(token, null);
    }

    public static Credentials missing(String problem) {
        return new Credentials(null, problem);
    }

    public boolean available() {
        return token != null;
    }
}
