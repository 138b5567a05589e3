package dev.loraoperator.datasets;

import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Watches LoraTrainingJobs for the dataset controller: a change of any job (it ends, or is deleted) wakes, at once,
 * the LoraDatasets of its namespace whose deletion waits, and lookups read the watch's cache. Every job is watched,
 * whatever the shard: a job of another shard may use a dataset of this one.
 */
@jakarta.enterprise.context.ApplicationScoped
public class TrainingJobWatch {
    private volatile InformerEventSource<LoraTrainingJob, LoraDataset> source;

    InformerEventSource<LoraTrainingJob, LoraDataset> eventSource(EventSourceContext<LoraDataset> context) {
        InformerEventSourceConfiguration<LoraTrainingJob> config = InformerEventSourceConfiguration
                .from(LoraTrainingJob.class, LoraDataset.class)
                .withSecondaryToPrimaryMapper(job -> context.getPrimaryCache()
                        .list(job.getMetadata().getNamespace())
                        .filter(dataset -> dataset.getMetadata().getDeletionTimestamp() != null)
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build();
        source = new InformerEventSource<>(config, context);
        return source;
    }

    /** The LoraTrainingJobs of a namespace as the watch last saw them. */
    public List<LoraTrainingJob> inNamespace(String namespace) {
        InformerEventSource<LoraTrainingJob, LoraDataset> current = source;
        if (current == null) {
            throw new IllegalStateException("the LoraTrainingJob watch has not started");
        }
        return current.list(namespace).toList();
    }
}
