package dev.loraoperator.simulator;

/**
 * One request as the simulator received it. Holds whether an Authorization header came and matched, never the
 * token itself, so that printing a record cannot leak it.
 *
 * @param jobId the job or dataset id from the path, or null when the path has none
 * @param body the JSON body; empty for an upload, whose name, size and digest {@link UploadRecord} keeps
 * @param fault the fault knob spent on this request (e.g. "RATE_LIMIT"), or null
 */
public record RecordedRequest(Operation operation, String method, String path, String jobId, String body,
        boolean authorizationPresent, boolean authorizationMatched, String fault) {
}
