package dev.loraoperator.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Decides what a Trainer API response or transport failure means: success, refused, not processed or unknown. */
final class ErrorClassifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Definite refusals: the API looked at the request and said no (design.md, "Submission, exactly once"). */
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 402, 403, 404, 405, 409, 410, 413, 415, 422);

    private ErrorClassifier() {
    }

    /** Returns the parsed JSON body of a successful response, or throws the classified failure. */
    static JsonNode checkResponse(Operation op, HttpResponse<BoundedBody> response, RateLimiter limiter)
            throws TrainerException {
        int code = response.statusCode();
        String text = response.body().text();
        JsonNode body = parse(text);
        if (code / 100 == 2) {
            if (response.body().oversized()) {
                throw new TrainerException(op, Outcome.OUTCOME_UNKNOWN, code, null, "the API answered " + code
                        + " with a body over " + BoundedBody.MAX_BYTES / 1024 + " KiB, which the operator does not"
                        + " read; the request may have been processed", null);
            }
            if (text == null || text.isBlank()) {
                return JSON.createObjectNode(); // documented: a 2xx may have an empty body
            }
            if (body == null || !(body.isObject() || body.isArray() && op.answersWithList())) {
                throw new TrainerException(op, Outcome.OUTCOME_UNKNOWN, code, null,
                        "the API answered " + code + " with a body that is not a JSON object", null);
            }
            if (body.hasNonNull("error_code")) {
                // Some RunComfy APIs report errors with HTTP 200 and a top-level error_code.
                throw refusal(op, code, body);
            }
            return body;
        }
        if (code == 429) {
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                    Instant.now());
            limiter.pauseFor(retryAfter);
            throw new TrainerException(op, Outcome.NOT_PROCESSED, code, "429",
                    "rate limited by the API; retry after " + retryAfter.toSeconds() + "s", retryAfter);
        }
        if (REFUSALS.contains(code)) {
            throw refusal(op, code, body);
        }
        // 5xx, 408 and anything unexpected: the server may have acted before failing.
        throw new TrainerException(op, Outcome.OUTCOME_UNKNOWN, code, errorCode(body, code),
                "the API answered " + code + describe(body), null);
    }

    /**
     * Object storage behind a signed URL answers XML or nothing, so only the status counts; the message never
     * repeats the URL, which is a credential.
     */
    static void checkStorageResponse(Operation op, int code) throws TrainerException {
        if (code / 100 == 2) {
            return;
        }
        boolean refused = code / 100 == 4 && code != 408 && code != 429;
        Outcome outcome = code == 429 ? Outcome.NOT_PROCESSED : refused ? Outcome.REFUSED : Outcome.OUTCOME_UNKNOWN;
        String hint = code == 403 ? " (the signed URL expired, or the request does not match its signature)" : "";
        throw new TrainerException(op, outcome, code, String.valueOf(code), "object storage answered " + code + hint,
                null);
    }

    static TrainerException fromTransportFailure(Operation op, Exception e) {
        if (neverSent(e)) {
            return new TrainerException(op, Outcome.NOT_PROCESSED, 0, null,
                    "could not connect to the Trainer API (" + e.getClass().getSimpleName() + ")", null);
        }
        String what = timedOut(e) ? "no answer within the request timeout"
                : "the connection failed after the request was sent (" + e.getClass().getSimpleName() + ")";
        return new TrainerException(op, Outcome.OUTCOME_UNKNOWN, 0, null, what, null);
    }

    private static TrainerException refusal(Operation op, int code, JsonNode body) {
        return new TrainerException(op, Outcome.REFUSED, code, errorCode(body, code),
                "the API refused the request (" + code + ")" + describe(body), null);
    }

    private static String errorCode(JsonNode body, int httpStatus) {
        String code = body == null ? null : ResponseReader.firstText(body, "error_code", "code");
        return code != null ? code : String.valueOf(httpStatus);
    }

    private static String describe(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "";
        }
        String message = ResponseReader.firstText(body, "error_message", "message", "error", "detail");
        if (message == null && body.path("error").isObject()) {
            message = ResponseReader.firstText(body.get("error"), "message", "error_message");
        }
        return message == null || message.isEmpty() ? "" : ": " + message; // already cleaned and capped
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether a transport failure means the request never left this process (so it was not processed). */
    private static boolean neverSent(Throwable e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e instanceof UnresolvedAddressException
                || (e.getCause() != null && e.getCause() != e && neverSent(e.getCause()));
    }

    /** A timeout after the connection was made: the request may have been processed. */
    private static boolean timedOut(Throwable e) {
        return e instanceof HttpTimeoutException;
    }
}
