package dev.loraoperator.simulator;

/**
 * One request as the simulator received it. Holds whether an Authorization header came and matched, never the
 * token itself, so that printing a record cannot leak it.
 *
 * @param jobId the job id from the path, or null for submit and unknown paths
 * @param fault the fault knob spent on this request (e.g. "RATE_LIMIT"), or null
 */
public record RecordedRequest(Operation operation, String method, String path, String jobId, String body,
        boolean authorizationPresent, boolean authorizationMatched, String fault) {
}
