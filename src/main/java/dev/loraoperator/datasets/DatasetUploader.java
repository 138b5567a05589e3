package dev.loraoperator.datasets;

import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.DatasetApi;
import dev.loraoperator.trainer.SignedUpload;
import dev.loraoperator.trainer.TrainerException;
import dev.loraoperator.trainer.UploadFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out an Upload decision: streams each file from its source to the API, through the direct endpoint up to
 * 150 MB and through a signed URL above, and reports what made it, so that the next pass uploads only the rest.
 */
public final class DatasetUploader {
    /** A source with the files it listed in this pass. */
    public record ListedSource(FileSource source, List<DesiredFile> files) {
    }

    private final DatasetApi api;
    private final long directLimit;
    private final UploadObserver observer;

    public DatasetUploader(DatasetApi api, UploadObserver observer) {
        this(api, DatasetApi.DIRECT_UPLOAD_LIMIT, observer);
    }

    DatasetUploader(DatasetApi api, long directLimit, UploadObserver observer) {
        this.api = api;
        this.directLimit = directLimit;
        this.observer = observer;
    }

    public DatasetOutcome upload(ApiToken token, String datasetId, List<ListedSource> sources,
            List<DesiredFile> batch) {
        // a name listed by two sources comes from the later one (the spec's "last entry wins")
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            for (DesiredFile file : sources.get(i).files()) {
                owner.put(file.name(), i);
            }
        }
        Map<Integer, List<DesiredFile>> bySource = new LinkedHashMap<>();
        batch.stream().filter(file -> owner.containsKey(file.name())).sorted((a, b) -> Integer.compare(
                owner.get(a.name()), owner.get(b.name()))).forEach(file -> bySource.computeIfAbsent(
                owner.get(file.name()), i -> new ArrayList<>()).add(file));
        List<DesiredFile> uploaded = new ArrayList<>();
        try {
            for (Map.Entry<Integer, List<DesiredFile>> entry : bySource.entrySet()) {
                sources.get(entry.getKey()).source().read(entry.getValue(), (file, bytes) -> {
                    send(token, datasetId, file, bytes);
                    uploaded.add(file);
                });
            }
            return new DatasetOutcome(null, uploaded, null, null);
        } catch (SourceException e) {
            observer.uploadFailed("source");
            return new DatasetOutcome(null, uploaded, e.getMessage(), null);
        } catch (TrainerException e) {
            observer.uploadFailed("api");
            return new DatasetOutcome(null, uploaded, null, e.getMessage());
        }
    }

    private void send(ApiToken token, String datasetId, DesiredFile file, InputStream bytes)
            throws IOException, TrainerException {
        UploadFile upload = new UploadFile(file.name(), file.size(), () -> bytes);
        if (file.size() <= directLimit) {
            api.upload(token, datasetId, upload);
            observer.fileUploaded("direct", file.size());
            return;
        }
        SignedUpload target = api.uploadEndpoints(token, datasetId, Map.of(file.name(), file.size())).get(file.name());
        if (target == null) {
            throw new TrainerException(dev.loraoperator.trainer.Operation.UPLOAD_ENDPOINT,
                    dev.loraoperator.trainer.Outcome.OUTCOME_UNKNOWN, 200, null,
                    "the API returned no signed upload for " + file.name(), null);
        }
        api.put(target, upload);
        observer.fileUploaded("signed", file.size());
    }
}
