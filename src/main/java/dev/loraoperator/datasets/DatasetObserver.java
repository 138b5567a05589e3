package dev.loraoperator.datasets;

import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.credentials.Credentials;
import dev.loraoperator.credentials.CredentialsResolver;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.DatasetApi;
import dev.loraoperator.trainer.RemoteDataset;
import dev.loraoperator.trainer.TrainerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observes a LoraDataset's world before any decision: its token, its sources (listed), and the remote dataset
 * (by the recorded id, else by name in the list). A failed look is recorded in the observation, never thrown.
 */
public class DatasetObserver {
    /** What was observed, plus what the act step needs: the token and the listed sources. */
    public record Observed(DatasetObservation seen, ApiToken token, List<DatasetUploader.ListedSource> sources,
            Listing listing) {
    }

    /** The files each network source listed (by its listing key) at one generation of the spec. */
    public record Listing(long generation, Map<String, List<DesiredFile>> byKey) {
    }

    private final CredentialsResolver credentials;
    private final SourceResolver resolver;
    private final DatasetApi api;
    /** Listings kept between the passes of one upload, by resource uid; lost on restart, which only costs a listing. */
    private final Map<String, Listing> kept = new ConcurrentHashMap<>();

    public DatasetObserver(CredentialsResolver credentials, SourceResolver resolver, DatasetApi api) {
        this.credentials = credentials;
        this.resolver = resolver;
        this.api = api;
    }

    public Observed observe(LoraDataset dataset) {
        Credentials found = credentials.resolve(dataset.getMetadata().getNamespace(),
                dataset.getSpec().getCredentialsSecretRef());
        if (!found.available()) {
            return new Observed(new DatasetObservation(found.problem(), null, null, null, null), null, List.of(),
                    null);
        }
        long generation = dataset.getMetadata().getGeneration() == null ? 0 : dataset.getMetadata().getGeneration();
        Listing previous = kept.get(dataset.getMetadata().getUid());
        Map<String, List<DesiredFile>> reusable = previous != null && previous.generation() == generation
                ? previous.byKey() : Map.of();
        Map<String, List<DesiredFile>> byKey = new HashMap<>();
        List<DatasetUploader.ListedSource> sources = new ArrayList<>();
        List<DesiredFile> files = new ArrayList<>();
        String sourceFailure = null;
        try {
            for (FileSource source : resolver.resolve(dataset)) {
                String key = source.listingKey();
                List<DesiredFile> listed = key != null && reusable.containsKey(key) ? reusable.get(key) : source.list();
                if (key != null) {
                    byKey.put(key, listed);
                }
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
                remoteFailure), found.token(), sources, sourceFailure == null ? new Listing(generation, byKey) : null);
    }

    /**
     * Keeps this pass's listing for the next passes while an upload or the remote check goes on, so a large source is
     * not downloaded again just to be listed; any other pass drops it, so a dataset at rest lists its sources afresh
     * (a file replaced at its URL is noticed) and a new generation of the spec always does.
     */
    public void keep(LoraDataset dataset, Observed observed, boolean moving) {
        if (moving && observed.listing() != null) {
            kept.put(dataset.getMetadata().getUid(), observed.listing());
        } else {
            kept.remove(dataset.getMetadata().getUid());
        }
    }

    public void forget(LoraDataset dataset) {
        kept.remove(dataset.getMetadata().getUid());
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
