package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.status.StatusCopy;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored resource of the reconcile harness: keeps the resource version as an API server does (a write of a
 * stale version conflicts), records every status written, and can be told to answer the next writes with an error.
 */
final class RecordingStatusStore implements StatusStore {
    private static final io.fabric8.kubernetes.client.utils.KubernetesSerialization SERIALIZATION =
            new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    private LoraTrainingJob stored;
    private final List<LoraTrainingJobStatus> writes = new ArrayList<>();
    private int failuresLeft;
    private int failureCode;
    private int failAfterOne;

    RecordingStatusStore(LoraTrainingJob resource) {
        resource.getMetadata().setResourceVersion("1");
        this.stored = copy(resource);
    }

    LoraTrainingJob stored() {
        return copy(stored);
    }

    List<LoraTrainingJobStatus> writes() {
        return writes;
    }

    /** A change made by someone else (kubectl, Argo CD): a new resource version; a spec change a new generation. */
    void replace(LoraTrainingJob resource, boolean specChanged) {
        LoraTrainingJob next = copy(resource);
        next.setStatus(stored.getStatus());
        next.getMetadata().setResourceVersion(nextVersion());
        if (specChanged) {
            next.getMetadata().setGeneration(stored.getMetadata().getGeneration() + 1);
        }
        stored = next;
    }

    /** The next write succeeds (the Pending record before a POST), the one after it fails with {@code httpCode}. */
    void failAfterNextWrite(int httpCode) {
        failAfterOne = httpCode;
    }

    void failNextWrites(int times, int httpCode) {
        failuresLeft = times;
        failureCode = httpCode;
    }

    @Override
    public LoraTrainingJob writeIfCurrent(LoraTrainingJob resource, LoraTrainingJobStatus status) {
        if (!resource.getMetadata().getResourceVersion().equals(stored.getMetadata().getResourceVersion())) {
            throw new KubernetesClientException("the object has been modified", 409, null);
        }
        return put(status);
    }

    @Override
    public LoraTrainingJob write(LoraTrainingJob resource, LoraTrainingJobStatus status) {
        return put(status);
    }

    private LoraTrainingJob put(LoraTrainingJobStatus status) {
        if (failAfterOne != 0) {
            failuresLeft = 1;
            failureCode = failAfterOne;
            failAfterOne = 0;
        } else if (failuresLeft > 0) {
            failuresLeft--;
            throw new KubernetesClientException("injected failure", failureCode, null);
        }
        LoraTrainingJob next = copy(stored);
        next.setStatus(StatusCopy.of(status));
        next.getMetadata().setResourceVersion(nextVersion());
        stored = next;
        writes.add(StatusCopy.of(status));
        return copy(stored);
    }

    private String nextVersion() {
        return String.valueOf(Long.parseLong(stored.getMetadata().getResourceVersion()) + 1);
    }

    private static LoraTrainingJob copy(LoraTrainingJob job) {
        return SERIALIZATION.clone(job);
    }
}
