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
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Trainer API over HTTP: one request per call, never retried here, never waiting for the rate limit, every
 * failure classified, every answer read with a size limit.
 */
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
    public SubmitSlot reserveSubmission() throws TrainerException {
        admit(Operation.SUBMIT, Operation.SUBMIT.priority());
        return new SubmitSlot();
    }

    @Override
    public RemoteJob submit(SubmitSlot slot, ApiToken token, String configYaml, String gpuType, int gpuCount)
            throws TrainerException {
        slot.spend();
        Duration paused = rateLimiter.pauseRemaining();
        if (!paused.isZero()) {
            // a 429 arrived since the slot was reserved: this POST would most likely be refused the same way
            throw deferred(Operation.SUBMIT, new RateLimiter.Deferral(paused, RateLimiter.Cause.RETRY_AFTER));
        }
        ObjectNode body = configBody(configYaml).put("gpu_type", gpuType).put("gpu_count", gpuCount);
        RemoteJob job = exchange(Operation.SUBMIT, token, "POST", JOBS, json(body), "application/json",
                requestTimeout, ResponseReader::job); // the slot was taken before the submission was recorded
        if (job.id() == null || job.id().isBlank()) {
            // A 2xx without a usable id may still have created a job we cannot name.
            throw new TrainerException(Operation.SUBMIT, Outcome.OUTCOME_UNKNOWN, 200, null,
                    "the API accepted the submission but its answer has no usable job id", null);
        }
        return job;
    }

    @Override
    public RemoteJob status(ApiToken token, String jobId) throws TrainerException {
        return send(Operation.STATUS, token, "GET", jobPath(jobId, "status"), null, ResponseReader::job);
    }

    @Override
    public RemoteResult result(ApiToken token, String jobId) throws TrainerException {
        return readResult(token, jobId, Operation.RESULT.priority());
    }

    @Override
    public RemoteResult finalResult(ApiToken token, String jobId) throws TrainerException {
        return readResult(token, jobId, RateLimiter.Priority.URGENT);
    }

    private RemoteResult readResult(ApiToken token, String jobId, RateLimiter.Priority priority)
            throws TrainerException {
        admit(Operation.RESULT, priority);
        JsonNode body = exchange(Operation.RESULT, token, "GET", jobPath(jobId, "result"), null, "application/json",
                requestTimeout, Function.identity());
        if (!ResponseReader.hasArtifacts(body)) {
            // Silence about the artifacts is not "there are none": it must not erase the checkpoints already known.
            throw new TrainerException(Operation.RESULT, Outcome.OUTCOME_UNKNOWN, 200, null,
                    "the API answered /result without artifacts", null);
        }
        return ResponseReader.result(body);
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
        return send(op, token, method, path, json(body), "application/json", requestTimeout, reader);
    }

    private static HttpRequest.BodyPublisher json(JsonNode body) {
        return body == null ? null : HttpRequest.BodyPublishers.ofString(body.toString());
    }

    /**
     * One authorized, rate-limited, bounded, classified and observed call: the plumbing the dataset client shares.
     *
     * @param body null for no body; sent with {@code contentType}
     * @param timeout how long the whole exchange may take (uploads need longer than the request timeout)
     */
    <T> T send(Operation op, ApiToken token, String method, String path, HttpRequest.BodyPublisher body,
            String contentType, Duration timeout, Function<JsonNode, T> reader) throws TrainerException {
        admit(op, op.priority());
        return exchange(op, token, method, path, body, contentType, timeout, reader);
    }

    private <T> T exchange(Operation op, ApiToken token, String method, String path, HttpRequest.BodyPublisher body,
            String contentType, Duration timeout, Function<JsonNode, T> reader) throws TrainerException {
        long started = System.nanoTime();
        String outcome = "success";
        try {
            HttpResponse<BoundedBody> response = transmit(op, request(token, method, path, body, contentType, timeout));
            return reader.apply(ErrorClassifier.checkResponse(op, response, rateLimiter));
        } catch (TrainerException e) {
            outcome = e.outcome().name().toLowerCase(java.util.Locale.ROOT);
            throw e;
        } finally {
            observer.requestCompleted(op, outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The request timeout this client was built with. */
    Duration requestTimeout() {
        return requestTimeout;
    }

    /** Takes a rate-limit slot, or fails at once (not sent) with the wait, so the caller reschedules. */
    private void admit(Operation op, RateLimiter.Priority priority) throws TrainerException {
        Optional<RateLimiter.Deferral> deferral = rateLimiter.tryAcquire(priority);
        if (deferral.isPresent()) {
            throw deferred(op, deferral.get());
        }
    }

    private TrainerException deferred(Operation op, RateLimiter.Deferral deferral) {
        observer.requestDeferred(op, deferral.cause(), deferral.delay());
        String why = deferral.cause() == RateLimiter.Cause.RETRY_AFTER ? "the API asked to wait (429)"
                : "the operator's rate limit for the Trainer API has no free slot";
        return new TrainerException(op, Outcome.NOT_PROCESSED, 0, TrainerException.DEFERRED,
                "not sent: " + why + "; retry in " + deferral.delay().toMillis() + "ms", deferral.delay());
    }

    /** Sends one request and reads its answer up to the size limit; transport failures come out classified. */
    private HttpResponse<BoundedBody> transmit(Operation op, Supplier<HttpRequest> request) throws TrainerException {
        try {
            return http.send(request.get(), BoundedBody.handler(BoundedBody.MAX_BYTES));
        } catch (IllegalArgumentException e) {
            // thrown while building or checking the request, before any byte is sent; the message is not
            // repeated, since it may quote the header value
            throw new TrainerException(op, Outcome.NOT_PROCESSED, 0, "RequestNotBuilt", "the request could not be"
                    + " built, so it was not sent: the API token or the base URL holds a character HTTP does not"
                    + " allow (such as a line break)", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainerException(op, Outcome.OUTCOME_UNKNOWN, 0, null, "interrupted while calling the API", null);
        } catch (IOException e) {
            throw ErrorClassifier.fromTransportFailure(op, e);
        }
    }

    /** Built inside {@link #transmit}, so that a header HTTP refuses is classified as not sent. */
    private Supplier<HttpRequest> request(ApiToken token, String method, String path, HttpRequest.BodyPublisher body,
            String contentType, Duration timeout) {
        return () -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token.reveal()).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
            if (body != null && contentType != null) {
                builder.header("Content-Type", contentType);
            }
            return builder.build();
        };
    }
}
