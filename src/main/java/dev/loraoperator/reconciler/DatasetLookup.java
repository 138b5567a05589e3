package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraDataset;
import java.util.Map;

/** The LoraDatasets of a namespace, by name: what a job's dataset folders may refer to. */
@FunctionalInterface
public interface DatasetLookup {
    Map<String, LoraDataset> inNamespace(String namespace);
}
