package dev.loraoperator.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/** Parses and checks the JSON bodies of submit, resume and edit; every complaint is a 422. */
final class RequestBodies {

    /** A GPU choice as submit and resume take it. */
    record Gpu(String type, int count) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GPU_TYPES = Set.of("ADA_80_PLUS", "HOPPER_141");

    private RequestBodies() {
    }

    /** Cancel and resume clients send no body or {} (trainer-api.md §2.6-2.7), so an empty body may count as {}. */
    static JsonNode object(String body, boolean emptyMeansEmptyObject) {
        if (body.isBlank() && emptyMeansEmptyObject) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // falls through to the same answer as any other non-object body
        }
        throw ApiError.invalid("request body must be a JSON object");
    }

    static JobConfig config(JsonNode request) {
        if (!"yaml".equals(request.path("config_file_format").textValue())) {
            throw ApiError.invalid("config_file_format must be \"yaml\"");
        }
        String yaml = request.path("config_file").textValue();
        if (yaml == null || yaml.isBlank()) {
            throw ApiError.invalid("config_file is required");
        }
        return JobConfig.parse(yaml);
    }

    /** Reads gpu_type/gpu_count; absent fields fall back to {@code current} (resume) or are required/1 (submit). */
    static Gpu gpu(JsonNode request, Gpu current) {
        JsonNode type = request.path("gpu_type");
        JsonNode count = request.path("gpu_count");
        if (current == null && (type.isMissingNode() || type.isNull())) {
            throw ApiError.invalid("gpu_type is required");
        }
        String gpuType = type.isMissingNode() || type.isNull() ? current.type() : type.textValue();
        if (gpuType == null || !GPU_TYPES.contains(gpuType)) {
            throw ApiError.invalid("gpu_type must be ADA_80_PLUS or HOPPER_141");
        }
        int gpuCount = current == null ? 1 : current.count();
        if (!count.isMissingNode() && !count.isNull()) {
            if (!count.isIntegralNumber()) {
                throw ApiError.invalid("gpu_count must be 1 or 8");
            }
            gpuCount = count.intValue();
        }
        if (gpuCount != 1 && gpuCount != 8) {
            throw ApiError.invalid("gpu_count must be 1 or 8");
        }
        if (gpuCount == 8 && !"ADA_80_PLUS".equals(gpuType)) {
            throw ApiError.invalid("gpu_count 8 is only available with ADA_80_PLUS");
        }
        return new Gpu(gpuType, gpuCount);
    }
}
