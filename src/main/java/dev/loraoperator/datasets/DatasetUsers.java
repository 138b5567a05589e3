package dev.loraoperator.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loraoperator.api.v1alpha1.ConfigMapKeyReference;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.config.ConfigLimits;
import dev.loraoperator.config.ConfigPreparer;
import dev.loraoperator.config.InvalidConfigException;
import dev.loraoperator.status.Lifecycle;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;

/**
 * Which active LoraTrainingJobs use a LoraDataset: those whose config names it and whose remote job may still train
 * on it (submitted or possibly submitted, and not over). Its deletion waits for them, like a PersistentVolumeClaim in
 * use. A job that was never submitted does not hold it: it sees the deletion and stops waiting for the dataset.
 */
public class DatasetUsers {
    private final KubernetesClient client;
    private final Clock clock;
    private final ConfigPreparer preparer = new ConfigPreparer(ConfigLimits.defaults());

    public DatasetUsers(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The names, sorted, of the active jobs among {@code jobs} (of the dataset's namespace) that name the dataset. */
    public java.util.List<String> of(String dataset, Collection<LoraTrainingJob> jobs) {
        return jobs.stream().filter(this::active).filter(job -> folderNames(job).contains(dataset))
                .map(job -> job.getMetadata().getName()).sorted().toList();
    }

    boolean active(LoraTrainingJob job) {
        LoraTrainingJobStatus status = job.getStatus();
        if (status == null) {
            return false;
        }
        SubmissionState state = status.getSubmission() == null ? null : status.getSubmission().getState();
        boolean submitted = status.getJobId() != null || state == SubmissionState.Pending
                || state == SubmissionState.Uncertain;
        return submitted && !Lifecycle.isOver(status, job.getSpec(), clock.instant());
    }

    /** The dataset folders the job's config names now (inline, or from its ConfigMap); none when it cannot be read. */
    private Set<String> folderNames(LoraTrainingJob job) {
        try {
            JsonNode config = job.getSpec().getConfig();
            if (job.getSpec().getConfigFrom() != null && job.getSpec().getConfigFrom().getConfigMapKeyRef() != null) {
                ConfigMapKeyReference ref = job.getSpec().getConfigFrom().getConfigMapKeyRef();
                ConfigMap map = client.configMaps().inNamespace(job.getMetadata().getNamespace())
                        .withName(ref.getName()).get();
                String text = map == null || map.getData() == null ? null : map.getData().get(ref.getKey());
                config = text == null ? null : preparer.parse(text);
            }
            return config == null ? Set.of() : DatasetBinding.folderNames(config);
        } catch (InvalidConfigException e) {
            return Set.of();
        }
    }
}
