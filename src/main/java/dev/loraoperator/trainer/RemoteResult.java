package dev.loraoperator.trainer;

import java.util.List;

/** The artifacts of a job as hosted URLs, plus the error the result endpoint reports. */
public record RemoteResult(String status, String configUrl, List<String> checkpointUrls, List<String> sampleUrls,
        RemoteError error) {
}
