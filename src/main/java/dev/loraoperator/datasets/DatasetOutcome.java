package dev.loraoperator.datasets;

import dev.loraoperator.trainer.RemoteDataset;
import java.util.List;

/**
 * What the pass's one remote change did.
 *
 * @param created the dataset created or adopted by this pass, or null
 * @param uploaded the files this pass uploaded
 * @param sourceFailure a source that failed during the upload (naming the file), or null
 * @param remoteFailure an API call of this pass that failed, or null (it is retried)
 */
public record DatasetOutcome(RemoteDataset created, List<DesiredFile> uploaded, String sourceFailure,
        String remoteFailure) {
    public static final DatasetOutcome NOTHING = new DatasetOutcome(null, List.of(), null, null);

    public DatasetOutcome {
        uploaded = List.copyOf(uploaded);
    }
}
