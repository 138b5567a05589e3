package dev.loraoperator.trainer;

import java.util.List;

/**
 * A dataset as the API reports it. {@code files} is empty in list answers (only /status lists them).
 *
 * @param status DRAFT, UPLOADING, READY or FAILED, verbatim; may be null
 * @param error null unless the API reported one
 */
public record RemoteDataset(String id, String name, String status, RemoteError error, List<RemoteFile> files) {
    public RemoteDataset {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
