package dev.loraoperator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import java.util.Objects;

/** Deep copies and content comparison of statuses, so a pass never edits the stored one and writes only changes. */
public final class StatusCopy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusCopy() {
    }

    public static LoraTrainingJobStatus of(LoraTrainingJobStatus status) {
        return status == null ? new LoraTrainingJobStatus() : JSON.convertValue(status, LoraTrainingJobStatus.class);
    }

    public static boolean same(LoraTrainingJobStatus a, LoraTrainingJobStatus b) {
        return Objects.equals(tree(a), tree(b));
    }

    public static boolean sameProgress(dev.loraoperator.api.v1alpha1.Progress a, dev.loraoperator.api.v1alpha1.Progress b) {
        return Objects.equals(a == null ? null : JSON.valueToTree(a), b == null ? null : JSON.valueToTree(b));
    }

    private static JsonNode tree(LoraTrainingJobStatus status) {
        return status == null ? null : JSON.valueToTree(status);
    }
}
