package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A LoRA training run on RunComfy's hosted GPUs, described declaratively. */
@JsonClassDescription("A LoRA training run on RunComfy's hosted GPUs (the Trainer API): an AI Toolkit config and the GPUs to train on. The operator submits it once, follows it, mirrors its progress and artifacts into status, and cancels it when the resource is deleted.")
@Group(LoraTrainingJob.GROUP)
@Version(LoraTrainingJob.VERSION)
@Plural("loratrainingjobs")
@Singular("loratrainingjob")
@ShortNames("ltj")
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "GPU", jsonPath = ".spec.gpuType", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Progress", jsonPath = ".status.progress.summary", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Job ID", jsonPath = ".status.jobId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.reason", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Resumes", jsonPath = ".status.resumeCount", type = AdditionalPrinterColumn.Type.INTEGER, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class LoraTrainingJob extends CustomResource<LoraTrainingJobSpec, LoraTrainingJobStatus> implements Namespaced {

    public static final String GROUP = "training.lora-operator.dev";
    public static final String VERSION = "v1alpha1";
    /** Finalizer that keeps the resource until its remote job is canceled or released. */
    public static final String FINALIZER = GROUP + "/cancel-remote-job";
    /** Annotation a user sets to take over an existing remote job. */
    public static final String ADOPT_JOB_ID = GROUP + "/adopt-job-id";
    /** Annotation a user sets, to the uncertain attempt's id, to allow one more submission. */
    public static final String RETRY_SUBMISSION = GROUP + "/retry-submission";
}
