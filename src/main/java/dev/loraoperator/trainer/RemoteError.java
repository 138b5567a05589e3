package dev.loraoperator.trainer;

/** An error reported by the API inside a job or result: code may be null, message is never null. */
public record RemoteError(String code, String message) {
}
