package dev.loraoperator.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.api.v1alpha1.Artifacts;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.trainer.RemoteText;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Keeps a whole status under 32 KiB of JSON whatever the API sends (design.md): every string from it is capped at
 * 2 KiB, but twenty such checkpoint URLs would still not fit. The oldest samples go first, then the oldest
 * checkpoints (the latest is kept apart), then long messages are shortened.
 */
final class StatusBudget {
    /** Leaves room under 32 KiB for what a later write may add before the next fit (timestamps, a condition). */
    static final int MAX_BYTES = 30 * 1024;
    static final int SHORT_MESSAGE_BYTES = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusBudget() {
    }

    /** {@code status} itself, trimmed in place until it fits. */
    static LoraTrainingJobStatus fit(LoraTrainingJobStatus status) {
        Artifacts artifacts = status.getArtifacts();
        if (artifacts != null) {
            dropOldest(status, artifacts.getSamples());
            dropOldest(status, artifacts.getCheckpoints());
        }
        if (bytes(status) > MAX_BYTES) {
            for (JobCondition condition : status.getConditions()) {
                condition.setMessage(RemoteText.shortened(condition.getMessage(), SHORT_MESSAGE_BYTES));
            }
            if (status.getError() != null) {
                status.getError().setMessage(RemoteText.shortened(status.getError().getMessage(), SHORT_MESSAGE_BYTES));
            }
        }
        return status;
    }

    private static void dropOldest(LoraTrainingJobStatus status, List<?> newestLast) {
        while (newestLast != null && !newestLast.isEmpty() && bytes(status) > MAX_BYTES) {
            newestLast.remove(0);
        }
    }

    static int bytes(LoraTrainingJobStatus status) {
        try {
            return JSON.writeValueAsBytes(status).length;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
