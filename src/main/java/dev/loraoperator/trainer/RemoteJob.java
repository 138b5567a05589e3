package dev.loraoperator.trainer;

/**
 * A job as the Trainer API describes it (submit, status, cancel, resume and edit responses).
 *
 * @param status verbatim, possibly an unknown value; null when the response had none
 * @param progress null when the API sent none (or sent something unusable)
 * @param error null when there is none
 */
public record RemoteJob(String id, String name, String status, RemoteProgress progress, RemoteError error,
        String createdAt, String startedAt, String finishedAt) {
}
