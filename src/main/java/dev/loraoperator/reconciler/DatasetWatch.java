package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Watches LoraDatasets for the job controller: a dataset's phase change wakes, at once, the jobs of its namespace
 * that have not been submitted yet (the only ones that wait for a dataset), and lookups read the watch's cache.
 */
@jakarta.enterprise.context.ApplicationScoped
public class DatasetWatch implements DatasetLookup {
    private volatile InformerEventSource<LoraDataset, LoraTrainingJob> source;

    InformerEventSource<LoraDataset, LoraTrainingJob> eventSource(EventSourceContext<LoraTrainingJob> context) {
        InformerEventSourceConfiguration<LoraDataset> config = InformerEventSourceConfiguration
                .from(LoraDataset.class, LoraTrainingJob.class)
                .withSecondaryToPrimaryMapper(dataset -> context.getPrimaryCache()
                        .list(dataset.getMetadata().getNamespace())
                        .filter(job -> job.getStatus() == null || job.getStatus().getJobId() == null)
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build();
        source = new InformerEventSource<>(config, context);
        return source;
    }

    @Override
    public Map<String, LoraDataset> inNamespace(String namespace) {
        InformerEventSource<LoraDataset, LoraTrainingJob> current = source;
        return current == null ? Map.of() : current.list(namespace)
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity(), (a, b) -> a));
    }
}
