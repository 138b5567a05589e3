package dev.loraoperator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.jboss.logging.Logger;

/** Writes the status subresource only when it changed, and through JOSDK so the next reconcile sees it. */
@ApplicationScoped
public class StatusWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(StatusWriter.class);
    private static final int CONFLICT_RETRIES = 5;

    private final KubernetesClient client;

    public StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    public static boolean same(LoraTrainingJobStatus a, LoraTrainingJobStatus b) {
        return Objects.equals(tree(a), tree(b));
    }

    public static LoraTrainingJobStatus copy(LoraTrainingJobStatus status) {
        return status == null ? new LoraTrainingJobStatus() : JSON.convertValue(status, LoraTrainingJobStatus.class);
    }

    /**
     * Writes the status only if this resource version is still current: used before a POST, so that two
     * reconciles of the same resource (or two operator replicas) can never both go on to submit.
     */
    public LoraTrainingJob writeIfCurrent(LoraTrainingJob job, LoraTrainingJobStatus status,
            Context<LoraTrainingJob> context) {
        job.setStatus(status);
        return context.resourceOperations().updatePrimaryStatus(job);
    }

    /**
     * Writes what was learned from the API (a job id, a cancel confirmed): a conflict with another writer must
     * not lose it, so on conflict the status is put onto the newest version and written again. The operator is
     * the only writer of status, so its view is the one to keep.
     */
    public LoraTrainingJob write(LoraTrainingJob job, LoraTrainingJobStatus status, Context<LoraTrainingJob> context) {
        LoraTrainingJob target = job;
        for (int attempt = 1; ; attempt++) {
            try {
                target.setStatus(status);
                return context.resourceOperations().updatePrimaryStatus(target);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= CONFLICT_RETRIES) {
                    throw e;
                }
                LOG.debugf("%s/%s: status write conflicted with a newer version; writing it onto that one",
                        job.getMetadata().getNamespace(), job.getMetadata().getName());
                LoraTrainingJob latest = client.resources(LoraTrainingJob.class)
                        .inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName()).get();
                if (latest == null) {
                    throw e;
                }
                target = latest;
            }
        }
    }

    private static JsonNode tree(LoraTrainingJobStatus status) {
        return status == null ? null : JSON.valueToTree(status);
    }
}
