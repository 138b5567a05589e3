package dev.loraoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain java.net.http client for the simulator tests, sending the bearer token the way the operator will. */
final class SimClient {

    static final String JOBS = "/prod/v1/trainers/ai-toolkit/jobs";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String token;
    private Duration timeout = Duration.ofSeconds(5);

    SimClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    SimClient timeout(Duration requestTimeout) {
        this.timeout = requestTimeout;
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> submit(String yaml) throws IOException, InterruptedException {
        return post(JOBS, submitBody(yaml, "ADA_80_PLUS", 1));
    }

    /** Submits and returns the new job's id, failing the test on anything but 200. */
    String submitOk(String yaml) throws IOException, InterruptedException {
        HttpResponse<String> response = submit(yaml);
        if (response.statusCode() != 200) {
            throw new AssertionError("submit answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").asText();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String submitBody(String yaml, String gpuType, Integer gpuCount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("config_file_format", "yaml");
        body.put("config_file", yaml);
        body.put("gpu_type", gpuType);
        if (gpuCount != null) {
            body.put("gpu_count", gpuCount);
        }
        return write(body);
    }

    static String editBody(String yaml) {
        return write(Map.of("config_file_format", "yaml", "config_file", yaml));
    }

    /** An AI Toolkit config shaped like the official examples, reduced to what the simulator reads. */
    static String yaml(String name, int steps, int saveEvery, int sampleEvery) {
        return """
                job: extension
                config:
                  name: "%s"
                  process:
                    - type: "sd_trainer"
                      training_folder: "/app/ai-toolkit/output"
                      datasets:
                        - folder_path: "/app/ai-toolkit/datasets/dogs_v1"
                      save:
                        save_every: %d
                        max_step_saves_to_keep: 4
                      train:
                        steps: %d
                      sample:
                        sample_every: %d
                        prompts: ["a dog", "a dog on a beach"]
                """.formatted(name, saveEvery, steps, sampleEvery);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
