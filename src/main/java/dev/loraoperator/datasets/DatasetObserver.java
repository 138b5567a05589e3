package dev.loraoperator.datasets;

import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.credentials.Credentials;
import dev.loraoperator.credentials.CredentialsResolver;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.DatasetApi;
import dev.loraoperator.trainer.RemoteDataset;
import dev.loraoperator.trainer.TrainerException;
import java.util.ArrayList;
import java.util.List;

/**
 * Observes a LoraDataset's world before any decision: its token, its sources (listed), and the remote dataset
 * (by the recorded id, else by name in the list). A failed look is recorded in the observation, never thrown.
 */
public class DatasetObserver {
    /** What was observed, plus what the act step needs: the token and the listed sources. */
    public record Observed(DatasetObservation seen, ApiToken token, List<DatasetUploader.ListedSource> sources) {
    }

    private final CredentialsResolver credentials;
    private final SourceResolver resolver;
    private final DatasetApi api;

    public DatasetObserver(CredentialsResolver credentials, SourceResolver resolver, DatasetApi api) {
        this.credentials = credentials;
        this.resolver = resolver;
        this.api = api;
    }

    public Observed observe(LoraDataset dataset) {
        Credentials found = credentials.resolve(dataset.getMetadata().getNamespace(),
                dataset.getSpec().getCredentialsSecretRef());
        if (!found.available()) {
            return new Observed(new DatasetObservation(found.problem(), null, null, null, null), null, List.of());
        }
        List<DatasetUploader.ListedSource> sources = new ArrayList<>();
        List<DesiredFile> files = new ArrayList<>();
        String sourceFailure = null;
        try {
            for (FileSource source : resolver.resolve(dataset)) {
                List<DesiredFile> listed = source.list();
                sources.add(new DatasetUploader.ListedSource(source, listed));
                files.addAll(listed);
            }
        } catch (SourceException e) {
            sourceFailure = e.getMessage();
        }
        RemoteDataset remote = null;
        String remoteFailure = null;
        try {
            remote = remote(found.token(), dataset);
        } catch (TrainerException e) {
            remoteFailure = e.getMessage();
        }
        return new Observed(new DatasetObservation(null, sourceFailure == null ? files : null, sourceFailure, remote,
                remoteFailure), found.token(), sources);
    }

    /** The remote dataset with its files: by the recorded id, else by name; null when the account has none. */
    RemoteDataset remote(ApiToken token, LoraDataset dataset) throws TrainerException {
        String id = dataset.getStatus() == null ? null : dataset.getStatus().getRemoteId();
        if (id != null) {
            try {
                return api.status(token, id);
            } catch (TrainerException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
        return byName(token, dataset.desiredRemoteName());
    }

    RemoteDataset byName(ApiToken token, String name) throws TrainerException {
        for (RemoteDataset listed : api.list(token)) {
            if (name.equals(listed.name()) && listed.id() != null) {
                return api.status(token, listed.id());
            }
        }
        return null;
    }
}
