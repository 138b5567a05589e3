package dev.loraoperator.datasets;

import dev.loraoperator.trainer.RemoteDataset;
import java.util.List;

/**
 * What one pass saw before deciding: the credentials, the files the sources yield, and the remote dataset.
 *
 * @param credentialsProblem what the user must fix to give the operator a token, or null
 * @param files the desired files; null when the sources could not be listed
 * @param sourceFailure why the sources could not be listed (naming the file), or null
 * @param remote the remote dataset with its files, or null when the account has none of that name
 * @param remoteFailure why the remote dataset could not be observed, or null
 */
public record DatasetObservation(String credentialsProblem, List<DesiredFile> files, String sourceFailure,
        RemoteDataset remote, String remoteFailure) {

    /** The upload plan, once both sides are known; null before. */
    public UploadPlan plan() {
        return files == null || remote == null ? null : UploadPlan.of(files, remote.files());
    }
}
