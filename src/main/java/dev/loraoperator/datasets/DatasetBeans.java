package dev.loraoperator.datasets;

import dev.loraoperator.credentials.CredentialsResolver;
import dev.loraoperator.trainer.DatasetApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the dataset controller's collaborators; each stays a plain class, testable without CDI. */
public class DatasetBeans {

    @Produces
    @ApplicationScoped
    DatasetObserver observer(CredentialsResolver credentials, KubernetesClient client, DatasetApi api) {
        return new DatasetObserver(credentials, new SourceResolver(client, new SourceHttp(SourceHttp.Limits.DEFAULTS)),
                api);
    }

    @Produces
    @ApplicationScoped
    DatasetUsers users(KubernetesClient client, java.time.Clock clock) {
        return new DatasetUsers(client, clock);
    }

    @Produces
    @ApplicationScoped
    DatasetUploader uploader(DatasetApi api, UploadObserver observer) {
        return new DatasetUploader(api, observer);
    }
}
