package dev.loraoperator.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Datasets in the JSON shapes of trainer-api.md §3.2: files only in the status answer. */
final class DatasetJson {
    private DatasetJson() {
    }

    static Map<String, Object> dataset(SimDataset dataset, String status, String badFile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", dataset.id());
        body.put("name", dataset.name());
        body.put("status", status);
        body.put("created_at", iso(dataset.createdAt()));
        body.put("updated_at", iso(dataset.updatedAt()));
        body.put("error", "FAILED".equals(status) ? Map.of("code", "DATASET_CHECK_FAILED",
                "message", "file " + badFile + " failed the dataset checks") : null);
        return body;
    }

    static Map<String, Object> withFiles(SimDataset dataset, String status, String badFile) {
        Map<String, Object> body = dataset(dataset, status, badFile);
        List<Map<String, Object>> files = new ArrayList<>();
        dataset.files().values().stream().sorted((a, b) -> a.filename().compareTo(b.filename()))
                .forEach(f -> files.add(Map.of("filename", f.filename(), "size_bytes", f.size())));
        body.put("files", files);
        return body;
    }

    private static String iso(Instant instant) {
        return instant.toString();
    }
}
