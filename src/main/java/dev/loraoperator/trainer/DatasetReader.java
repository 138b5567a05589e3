package dev.loraoperator.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the dataset answers of trainer-api.md §3 leniently: unknown fields ignored, both list shapes. */
final class DatasetReader {
    private DatasetReader() {
    }

    static RemoteDataset dataset(JsonNode response) {
        JsonNode body = response.has("id") || !response.path("dataset").isObject() ? response : response.get("dataset");
        List<RemoteFile> files = new ArrayList<>();
        for (JsonNode file : body.path("files")) {
            String name = ResponseReader.text(file, "filename");
            if (name != null && file.path("size_bytes").canConvertToLong()) {
                files.add(new RemoteFile(name, file.get("size_bytes").asLong()));
            }
        }
        return new RemoteDataset(ResponseReader.text(body, "id"), ResponseReader.text(body, "name"),
                ResponseReader.text(body, "status"), ResponseReader.error(body), files);
    }

    static List<RemoteDataset> datasets(JsonNode response) {
        JsonNode items = response.isArray() ? response : response.path("datasets");
        List<RemoteDataset> all = new ArrayList<>();
        items.forEach(item -> {
            if (item.isObject()) {
                all.add(dataset(item));
            }
        });
        return all;
    }

    /** The "uploads" map; an entry without an http(s) upload_url is left out, so the caller sees it missing. */
    static Map<String, SignedUpload> uploads(JsonNode response) {
        Map<String, SignedUpload> uploads = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : response.path("uploads").properties()) {
            String url = ResponseReader.text(entry.getValue(), "upload_url");
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            entry.getValue().path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            uploads.put(entry.getKey(), new SignedUpload(URI.create(url),
                    ResponseReader.text(entry.getValue(), "method"), headers));
        }
        return uploads;
    }
}
