package dev.loraoperator.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/** The Trainer API over HTTP: one request per call, never retried here, every failure classified. */
public class HttpTrainerApi implements TrainerApi {
    private static final String JOBS = "/prod/v1/trainers/ai-toolkit/jobs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final RateLimiter rateLimiter;
    private final RequestObserver observer;

    public HttpTrainerApi(URI baseUrl, Duration connectTimeout, Duration requestTimeout, RateLimiter rateLimiter,
            RequestObserver observer) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        this.requestTimeout = requestTimeout;
        this.rateLimiter = rateLimiter;
        this.observer = observer;
        // HTTP/1.1 only: an h2c upgrade attempt would make "was the request sent?" harder to answer.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public RemoteJob submit(ApiToken token, String configYaml, String gpuType, int gpuCount) throws TrainerException {
        ObjectNode body = configBody(configYaml).put("gpu_type", gpuType).put("gpu_count", gpuCount);
        RemoteJob job = send(Operation.SUBMIT, token, "POST", JOBS, body, ResponseReader::job);
        if (job.id() == null || job.id().isBlank()) {
            // A 2xx without an id may still have created a job we cannot name.
            throw new TrainerException(Operation.SUBMIT, Outcome.OUTCOME_UNKNOWN, 200, null,
                    "the API accepted the submission but its answer has no job id", null);
        }
        return job;
    }

    @Override
    public RemoteJob status(ApiToken token, String jobId) throws TrainerException {
        return send(Operation.STATUS, token, "GET", jobPath(jobId, "status"), null, ResponseReader::job);
    }

    @Override
    public RemoteResult result(ApiToken token, String jobId) throws TrainerException {
        return send(Operation.RESULT, token, "GET", jobPath(jobId, "result"), null, ResponseReader::result);
    }

    @Override
    public RemoteJob cancel(ApiToken token, String jobId) throws TrainerException {
        return send(Operation.CANCEL, token, "POST", jobPath(jobId, "cancel"), JSON.createObjectNode(),
                ResponseReader::job);
    }

    @Override
    public RemoteJob resume(ApiToken token, String jobId, String gpuType, Integer gpuCount) throws TrainerException {
        ObjectNode body = JSON.createObjectNode();
        if (gpuType != null) {
            body.put("gpu_type", gpuType);
        }
        if (gpuCount != null) {
            body.put("gpu_count", gpuCount);
        }
        return send(Operation.RESUME, token, "POST", jobPath(jobId, "resume"), body, ResponseReader::job);
    }

    @Override
    public RemoteJob edit(ApiToken token, String jobId, String configYaml) throws TrainerException {
        return send(Operation.EDIT, token, "POST", jobPath(jobId, "edit"), configBody(configYaml), ResponseReader::job);
    }

    private static ObjectNode configBody(String configYaml) {
        return JSON.createObjectNode().put("config_file_format", "yaml").put("config_file", configYaml);
    }

    private static String jobPath(String jobId, String action) {
        return JOBS + "/" + java.net.URLEncoder.encode(jobId, java.nio.charset.StandardCharsets.UTF_8) + "/" + action;
    }

    private <T> T send(Operation op, ApiToken token, String method, String path, JsonNode body,
            Function<JsonNode, T> reader) throws TrainerException {
        HttpRequest.BodyPublisher publisher = body == null ? null : HttpRequest.BodyPublishers.ofString(body.toString());
        return send(op, token, method, path, publisher, "application/json", requestTimeout, reader);
    }

    /**
     * One authorized, rate-limited, classified and observed call: the plumbing the dataset client shares.
     *
     * @param body null for no body; sent with {@code contentType}
     * @param timeout how long the whole exchange may take (uploads need longer than the request timeout)
     */
    <T> T send(Operation op, ApiToken token, String method, String path, HttpRequest.BodyPublisher body,
            String contentType, Duration timeout, Function<JsonNode, T> reader) throws TrainerException {
        long started = System.nanoTime();
        String outcome = "success";
        try {
            rateLimiter.acquire();
            HttpResponse<String> response = http.send(request(token, method, path, body, contentType, timeout),
                    HttpResponse.BodyHandlers.ofString());
            return reader.apply(ErrorClassifier.checkResponse(op, response, rateLimiter));
        } catch (TrainerException e) {
            outcome = e.outcome().name().toLowerCase(java.util.Locale.ROOT);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.OUTCOME_UNKNOWN.name().toLowerCase(java.util.Locale.ROOT);
            throw new TrainerException(op, Outcome.OUTCOME_UNKNOWN, 0, null, "interrupted while calling the API", null);
        } catch (IOException | IllegalArgumentException e) {
            TrainerException classified = ErrorClassifier.fromTransportFailure(op, e);
            outcome = classified.outcome().name().toLowerCase(java.util.Locale.ROOT);
            throw classified;
        } finally {
            observer.requestCompleted(op, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The request timeout this client was built with. */
    Duration requestTimeout() {
        return requestTimeout;
    }

    private HttpRequest request(ApiToken token, String method, String path, HttpRequest.BodyPublisher body,
            String contentType, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token.reveal()).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }
}
