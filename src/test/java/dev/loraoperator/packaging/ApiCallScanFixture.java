package dev.loraoperator.packaging;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/** Compiled only for ApiCallScanTest: API calls written the ways that a name-matching search would miss. */
@SuppressWarnings("unused")
final class ApiCallScanFixture {
    private final KubernetesClient k8s;

    ApiCallScanFixture(KubernetesClient k8s) {
        this.k8s = k8s;
    }

    void anyVariableName() {
        k8s.pods().inNamespace("a").withName("b").delete();
    }

    void splitAcrossLocals(boolean twice) {
        MixedOperation<Secret, ?, Resource<Secret>> secrets = k8s.secrets();
        Resource<Secret> one = secrets.inNamespace("x").withName("y");
        if (twice) {
            one.get();
        }
        one.edit(s -> s);
    }

    void classLiteralAndObject(LoraTrainingJob job) {
        k8s.resources(LoraTrainingJob.class).inAnyNamespace().list();
        k8s.resource(job).updateStatus();
    }

    void throughAnApiGroup() {
        k8s.apps().deployments().inNamespace("x").withName("y").get();
        k8s.leases().inNamespace("x").withName("y").get();
        k8s.v1().events().inNamespace("x").resource(new io.fabric8.kubernetes.api.model.Event()).create();
    }

    LoraTrainingJob josdk(Context<LoraTrainingJob> context, LoraTrainingJob job) {
        context.getClient().configMaps().inNamespace("x").withName("y").get();
        return context.resourceOperations().jsonPatchPrimaryStatus(job, j -> j);
    }

    UpdateControl<LoraTrainingJob> josdkAfterReconcile(LoraTrainingJob job) {
        return UpdateControl.patchStatus(job);
    }

    Object josdkInformer() {
        return InformerEventSourceConfiguration.from(ConfigMap.class, LoraTrainingJob.class).build();
    }

    void handedOver(Resource<Secret> fromElsewhere) {
        fromElsewhere.get();
    }

    void unknownMethod() {
        k8s.getKubernetesVersion();
    }
}
