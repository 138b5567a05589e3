package dev.loraoperator.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The dataset endpoints over HTTP, through the job client's plumbing (token, rate limit, classification, metrics);
 * the signed storage upload goes out without the token and without the API's rate limit.
 */
public class HttpDatasetApi implements DatasetApi {
    private static final String DATASETS = "/prod/v1/trainers/datasets";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An upload may take as long as the request timeout plus one second per MB: a floor of 1 MB/s. */
    private static final long BYTES_PER_SECOND_FLOOR = 1_000_000L;
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "authorization");

    private final HttpTrainerApi core;
    private final HttpClient storage;
    private final RequestObserver observer;

    public HttpDatasetApi(HttpTrainerApi core, Duration connectTimeout, RequestObserver observer) {
        this.core = core;
        this.observer = observer;
        this.storage = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public RemoteDataset create(ApiToken token, String name) throws TrainerException {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        RemoteDataset created = core.send(Operation.CREATE_DATASET, token, "POST", DATASETS, json(body),
                "application/json", core.requestTimeout(), DatasetReader::dataset);
        if (created.id() == null || created.id().isBlank()) {
            throw new TrainerException(Operation.CREATE_DATASET, Outcome.OUTCOME_UNKNOWN, 200, null,
                    "the API accepted the dataset but its answer has no id", null);
        }
        return created;
    }

    @Override
    public List<RemoteDataset> list(ApiToken token) throws TrainerException {
        return core.send(Operation.LIST_DATASETS, token, "GET", DATASETS, null, null, core.requestTimeout(),
                DatasetReader::datasets);
    }

    @Override
    public RemoteDataset status(ApiToken token, String datasetId) throws TrainerException {
        return core.send(Operation.DATASET_STATUS, token, "GET", path(datasetId, "/status"), null, null,
                core.requestTimeout(), DatasetReader::dataset);
    }

    @Override
    public void upload(ApiToken token, String datasetId, UploadFile file) throws TrainerException, IOException {
        if (file.size() > DIRECT_UPLOAD_LIMIT) {
            throw new IllegalArgumentException(file + " is above the direct upload limit; use a signed upload");
        }
        String boundary = "lora-operator-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + quoted(file.filename()) + "\"\r\nContent-Type: " + MediaTypes.of(file.filename()) + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        SourceBody source = new SourceBody(file);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                source.publisher(), HttpRequest.BodyPublishers.ofByteArray(tail));
        try {
            core.send(Operation.UPLOAD_FILE, token, "POST", path(datasetId, "/upload"), body,
                    "multipart/form-data; boundary=" + boundary, uploadTimeout(file), response -> response);
        } catch (TrainerException e) {
            source.rethrowSourceFailure();
            throw e;
        }
    }

    @Override
    public Map<String, SignedUpload> uploadEndpoints(ApiToken token, String datasetId, Map<String, Long> sizes)
            throws TrainerException {
        ObjectNode body = JSON.createObjectNode();
        sizes.forEach(body.putObject("filenameToByteSize")::put);
        return core.send(Operation.UPLOAD_ENDPOINT, token, "POST", path(datasetId, "/get-upload-endpoint"), json(body),
                "application/json", core.requestTimeout(), DatasetReader::uploads);
    }

    @Override
    public void put(SignedUpload target, UploadFile file) throws TrainerException, IOException {
        SourceBody source = new SourceBody(file);
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url()).timeout(uploadTimeout(file))
                .method(target.method(), source.publisher());
        for (Map.Entry<String, String> header : target.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") && !header.getValue().strip().equals(Long.toString(file.size()))) {
                throw new TrainerException(Operation.SIGNED_UPLOAD, Outcome.REFUSED, 0, null, file.filename()
                        + ": the signed upload expects another size than the file has", null);
            }
            if (!RESTRICTED.contains(name)) {
                request.header(header.getKey(), header.getValue());
            }
        }
        long started = System.nanoTime();
        String outcome = "success";
        try {
            HttpResponse<Void> response = storage.send(request.build(), HttpResponse.BodyHandlers.discarding());
            ErrorClassifier.checkStorageResponse(Operation.SIGNED_UPLOAD, response.statusCode());
        } catch (TrainerException e) {
            outcome = e.outcome().name().toLowerCase(Locale.ROOT);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.OUTCOME_UNKNOWN.name().toLowerCase(Locale.ROOT);
            throw new TrainerException(Operation.SIGNED_UPLOAD, Outcome.OUTCOME_UNKNOWN, 0, null,
                    "interrupted while uploading " + file.filename(), null);
        } catch (IOException | IllegalArgumentException e) {
            outcome = "source_failed";
            source.rethrowSourceFailure();
            TrainerException classified = ErrorClassifier.fromTransportFailure(Operation.SIGNED_UPLOAD, e);
            outcome = classified.outcome().name().toLowerCase(Locale.ROOT);
            throw classified;
        } finally {
            observer.requestCompleted(Operation.SIGNED_UPLOAD, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public void delete(ApiToken token, String datasetId) throws TrainerException {
        core.send(Operation.DELETE_DATASET, token, "DELETE", path(datasetId, ""), null, null, core.requestTimeout(),
                response -> response);
    }

    private Duration uploadTimeout(UploadFile file) {
        return core.requestTimeout().plusSeconds(file.size() / BYTES_PER_SECOND_FLOOR);
    }

    private static HttpRequest.BodyPublisher json(ObjectNode body) {
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private static String path(String datasetId, String action) {
        return DATASETS + "/" + URLEncoder.encode(datasetId, StandardCharsets.UTF_8) + action;
    }

    /** A file name inside a quoted multipart parameter: no quote, backslash or line break can end it early. */
    private static String quoted(String filename) {
        return filename.replaceAll("[\"\\\\\r\n]", "_");
    }
}
