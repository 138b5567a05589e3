package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Which LoraTrainingJob already records a remote job id: one remote job has one owner. */
@FunctionalInterface
public interface JobIdOwners {
    /** namespace/name of a resource other than {@code exceptUid} whose status records {@code jobId}, or null. */
    String ownerOf(String jobId, String exceptUid);

    /** The owners among {@code jobs}: the informer's cache in production, the API server in the harness. */
    static JobIdOwners among(Supplier<Stream<LoraTrainingJob>> jobs) {
        return (jobId, exceptUid) -> jobs.get()
                .filter(other -> other.getStatus() != null && jobId.equals(other.getStatus().getJobId())
                        && !exceptUid.equals(other.getMetadata().getUid()))
                .map(other -> other.getMetadata().getNamespace() + "/" + other.getMetadata().getName())
                .findFirst().orElse(null);
    }
}
