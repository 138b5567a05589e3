package dev.loraoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The six dataset operations of trainer-api.md §3 with their validation rules; HTTP lives in SimulatorHandler. */
final class DatasetEndpoints {
    static final long DIRECT_UPLOAD_LIMIT = 150_000_000L;

    private final DatasetStore store;
    private final Supplier<String> baseUrl;

    DatasetEndpoints(DatasetStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    /** @param upload the request body of an upload, streamed; unused by the other operations */
    Reply handle(Route route, String body, String contentType, InputStream upload) throws IOException {
        try {
            String id = route.jobId();
            return switch (route.operation()) {
                case CREATE_DATASET -> ok(view(store.create(name(body)), false));
                case LIST_DATASETS -> list();
                case DATASET_STATUS -> ok(view(store.find(id), true));
                case UPLOAD_FILE -> upload(store.find(id), contentType, upload);
                case UPLOAD_ENDPOINT -> ok(Map.of("uploads", signedUploads(store.find(id), body)));
                case DELETE_DATASET -> {
                    store.find(id).delete();
                    yield new Reply(200, "application/json", "", Map.of()); // trainer-api.md §3.9: may be empty
                }
                default -> throw new IllegalArgumentException("not a dataset operation: " + route.operation());
            };
        } catch (ApiError e) {
            return Reply.error(e.status(), e.code(), e.getMessage());
        }
    }

    private static String name(String body) {
        JsonNode request = RequestBodies.object(body, true);
        JsonNode name = request.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw new ApiError(422, 42201, "name must be a string");
        }
        return name == null || name.isNull() ? null : name.asText();
    }

    private Reply list() {
        List<Map<String, Object>> all = store.listed().stream().map(d -> view(d, false)).toList();
        return store.bareArrayList() ? Reply.json(200, all) : ok(Map.of("datasets", all));
    }

    private Reply upload(SimDataset dataset, String contentType, InputStream body) throws IOException {
        MultipartReader.Part part = MultipartReader.read(contentType, body, DIRECT_UPLOAD_LIMIT);
        store.received(dataset, new SimDataset.StoredFile(part.filename(), part.size(), part.sha256()), "direct");
        return ok(Map.of("filename", part.filename(), "size_bytes", part.size()));
    }

    /** One signed PUT per file; the signature covers the exact size and the Content-Type header. */
    private Map<String, Object> signedUploads(SimDataset dataset, String body) {
        JsonNode sizes = RequestBodies.object(body, false).path("filenameToByteSize");
        if (!sizes.isObject() || sizes.isEmpty()) {
            throw ApiError.invalid("filenameToByteSize must map at least one file name to its size in bytes");
        }
        Map<String, Object> uploads = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : sizes.properties()) {
            if (!entry.getValue().canConvertToLong() || !entry.getValue().isIntegralNumber()
                    || entry.getValue().asLong() < 0) {
                throw ApiError.invalid("the size of " + entry.getKey() + " must be a whole number of bytes");
            }
            String token = UUID.randomUUID().toString();
            Map<String, String> headers = Map.of("Content-Type", contentType(entry.getKey()));
            store.issue(dataset, entry.getKey(), entry.getValue().asLong(), headers, token);
            uploads.put(entry.getKey(), Map.of("upload_url", baseUrl.get() + ObjectStoreHandler.PATH + token
                    + "?X-Sim-Signature=" + UUID.randomUUID(), "method", "PUT", "headers", headers));
        }
        return uploads;
    }

    private Map<String, Object> view(SimDataset dataset, boolean withFiles) {
        String status = store.status(dataset);
        return withFiles ? DatasetJson.withFiles(dataset, status, store.badFile())
                : DatasetJson.dataset(dataset, status, store.badFile());
    }

    static String contentType(String filename) {
        String lower = filename.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".txt") ? "text/plain" : lower.endsWith(".png") ? "image/png"
                : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : "application/octet-stream";
    }

    private static Reply ok(Object body) {
        return Reply.json(200, body);
    }
}
