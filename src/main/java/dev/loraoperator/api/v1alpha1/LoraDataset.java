package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A RunComfy training dataset (images, videos and captions), uploaded from declared sources. */
@Group(LoraTrainingJob.GROUP)
@Version(LoraTrainingJob.VERSION)
@Plural("loradatasets")
@Singular("loradataset")
@ShortNames("lds")
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Files", jsonPath = ".status.files.summary", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Size", jsonPath = ".status.files.size", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Remote Name", jsonPath = ".status.remoteName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@com.fasterxml.jackson.annotation.JsonClassDescription("Images or videos with their captions, turned into a READY RunComfy training dataset that LoraTrainingJobs of the same namespace can name in folder_path.")
public class LoraDataset extends CustomResource<LoraDatasetSpec, LoraDatasetStatus> implements Namespaced {

    /** Finalizer that keeps the resource until its remote dataset is deleted or released. */
    public static final String FINALIZER = LoraTrainingJob.GROUP + "/delete-remote-dataset";

    @Override
    @JsonPropertyDescription("What the dataset holds: its sources, its RunComfy name and what deleting it does.")
    public LoraDatasetSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed: phase, remote dataset, upload progress and conditions.")
    public LoraDatasetStatus getStatus() {
        return super.getStatus();
    }

    /** The RunComfy dataset name: spec.remoteName, else {@code <namespace>-<name>} with '.' turned into '_'. */
    public String desiredRemoteName() {
        String explicit = getSpec() == null ? null : getSpec().getRemoteName();
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        return (getMetadata().getNamespace() + "-" + getMetadata().getName()).replace('.', '_');
    }
}
