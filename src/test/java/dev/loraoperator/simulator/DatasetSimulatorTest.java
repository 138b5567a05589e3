package dev.loraoperator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated dataset API and object store, driven with plain HTTP: the rules a real client must meet. */
class DatasetSimulatorTest {
    private static final String TOKEN = "test-token";
    private static final String DATASETS = Route.DATASETS_PATH;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final TrainerSimulator sim = TrainerSimulator.start(0, TOKEN, Timeline.manual(), clock);
    private final SimClient client = new SimClient(sim.baseUrl(), TOKEN);
    private final HttpClient storage = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aDatasetGoesFromDraftThroughUploadingToReadyAfterTheCheckTime() throws Exception {
        sim.datasetCheckTime(Duration.ofSeconds(30));
        String id = create("pets");
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(put(signedUrl(id, "a.txt", 2), "hi", null).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("UPLOADING");
        clock.advance(Duration.ofSeconds(29));
        assertThat(status(id)).isEqualTo("UPLOADING");
        clock.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("READY");
    }

    @Test
    void aDatasetHoldingTheBadFileFailsWithAnErrorNamingIt() throws Exception {
        sim.datasetCheckTime(Duration.ZERO).failDatasetsWithFile("corrupt.txt");
        String id = create("bad");
        assertThat(put(signedUrl(id, "corrupt.txt", 1), "x", null).statusCode()).isEqualTo(200);
        JsonNode answer = SimClient.json(client.get(DATASETS + "/" + id + "/status"));
        assertThat(answer.get("status").asText()).isEqualTo("FAILED");
        assertThat(answer.at("/error/message").asText()).contains("corrupt.txt");
    }

    @Test
    void theObjectStoreRefusesATokenAWrongSizeAndAMissingSignedHeader() throws Exception {
        String id = create("strict");
        JsonNode target = uploads(id, "a.txt", 2);
        String url = target.get("upload_url").asText();
        assertThat(put(url, "hi", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
        assertThat(put(url, "hello", null).statusCode()).isEqualTo(403);
        HttpResponse<String> unsigned = storage.send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofString("hi")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(sim.uploads()).isEmpty();
        assertThat(put(url, "hi", null).statusCode()).isEqualTo(200);
        assertThat(sim.uploads()).extracting(UploadRecord::filename).containsExactly("a.txt");
    }

    @Test
    void namesAreUniqueAndIdsAreUuids() throws Exception {
        create("once");
        HttpResponse<String> again = client.post(DATASETS, "{\"name\": \"once\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(SimClient.json(again).get("error_code").asInt()).isEqualTo(40901);
        assertThat(client.post(DATASETS, "{\"name\": \"with space\"}").statusCode()).isEqualTo(422);
        assertThat(SimClient.json(client.get(DATASETS + "/not-a-uuid/status")).get("error_code").asInt())
                .isEqualTo(40001);
    }

    @Test
    void faultKnobsSpoilDatasetCallsAndTheStorePut() throws Exception {
        String id = create("faulty");
        String url = signedUrl(id, "a.txt", 2);
        sim.faults().serverError(Operation.STORAGE_PUT, 1).refuse(Operation.LIST_DATASETS, 1, 403, 40300, "no");
        assertThat(put(url, "hi", null).statusCode()).isEqualTo(503);
        assertThat(sim.uploads()).isEmpty();
        assertThat(client.get(DATASETS).statusCode()).isEqualTo(403);
        assertThat(put(url, "hi", null).statusCode()).isEqualTo(200);
    }

    private String create(String name) throws Exception {
        HttpResponse<String> created = client.post(DATASETS, "{\"name\": \"" + name + "\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        return SimClient.json(created).get("id").asText();
    }

    private String status(String id) throws Exception {
        return SimClient.json(client.get(DATASETS + "/" + id + "/status")).get("status").asText();
    }

    private JsonNode uploads(String id, String name, long size) throws Exception {
        HttpResponse<String> answer = client.post(DATASETS + "/" + id + "/get-upload-endpoint",
                "{\"filenameToByteSize\": {\"" + name + "\": " + size + "}}");
        return SimClient.json(answer).at("/uploads/" + name);
    }

    private String signedUrl(String id, String name, long size) throws Exception {
        return uploads(id, name, size).get("upload_url").asText();
    }

    private HttpResponse<String> put(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return storage.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
