package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.status.StatusGuard;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import org.jboss.logging.Logger;

/** Writes the status subresource through JOSDK, so the next reconcile sees it (and not as an event of its own). */
final class ResourceStatusStore implements StatusStore {
    private static final Logger LOG = Logger.getLogger(ResourceStatusStore.class);
    /** A 409 is retried onto the newest version; a 5xx or a lost connection is retried as is. */
    private static final int ATTEMPTS = 5;

    private final Context<LoraTrainingJob> context;
    private final KubernetesClient client;

    ResourceStatusStore(Context<LoraTrainingJob> context, KubernetesClient client) {
        this.context = context;
        this.client = client;
    }

    @Override
    public LoraTrainingJob writeIfCurrent(LoraTrainingJob resource, LoraTrainingJobStatus status) {
        resource.setStatus(status);
        return context.resourceOperations().updatePrimaryStatus(resource);
    }

    @Override
    public LoraTrainingJob write(LoraTrainingJob resource, LoraTrainingJobStatus status) {
        LoraTrainingJob target = resource;
        LoraTrainingJobStatus toWrite = status;
        for (int attempt = 1; ; attempt++) {
            try {
                target.setStatus(toWrite);
                return context.resourceOperations().updatePrimaryStatus(target);
            } catch (KubernetesClientException e) {
                boolean retriable = e.getCode() == 409 || e.getCode() >= 500 || e.getCode() == 0;
                if (!retriable || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("%s/%s: status write failed (%d); writing it again onto the newest version",
                        resource.getMetadata().getNamespace(), resource.getMetadata().getName(), e.getCode());
                LoraTrainingJob latest = latest(resource);
                if (latest == null) {
                    throw e;
                }
                toWrite = StatusGuard.keepLearned(latest.getStatus(), status);
                target = latest;
            }
        }
    }

    private LoraTrainingJob latest(LoraTrainingJob resource) {
        try {
            return client.resources(LoraTrainingJob.class).inNamespace(resource.getMetadata().getNamespace())
                    .withName(resource.getMetadata().getName()).get();
        } catch (KubernetesClientException e) {
            return null;
        }
    }
}
