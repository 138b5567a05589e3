package dev.loraoperator.simulator;

import static dev.loraoperator.simulator.SimClient.JOBS;
import static dev.loraoperator.simulator.SimClient.json;
import static dev.loraoperator.simulator.SimClient.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulator answers as trainer-api.md describes: shapes, artifact names, auth and validation. */
class TrainerSimulatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final TrainerSimulator sim = TrainerSimulator.start(0, "test-token", Timeline.manual(), clock);
    private final SimClient client = new SimClient(sim.baseUrl(), "test-token");

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void happyPathNamesCheckpointsAndSamplesLikeAiToolkit() throws Exception {
        HttpResponse<String> submitted = client.submit(yaml("dogs_v1", 1000, 250, 250));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode job = json(submitted);
        String id = job.get("id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(job.get("name").asText()).isEqualTo("dogs_v1");
        assertThat(job.get("status").asText()).isEqualTo("IN_QUEUE");

        JsonNode queued = json(client.get(JOBS + "/" + id + "/status"));
        assertThat(queued.has("progress")).isFalse();
        assertThat(queued.get("created_at").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(queued.get("started_at").isNull()).isTrue();

        clock.advance(Duration.ofMinutes(3));
        sim.job(id).start().advanceTo(600);
        JsonNode running = json(client.get(JOBS + "/" + id + "/status"));
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.at("/progress/current_step").asInt()).isEqualTo(600);
        assertThat(running.at("/progress/total_steps").asInt()).isEqualTo(1000);
        assertThat(running.at("/progress/percent").asDouble()).isEqualTo(60.0);
        assertThat(running.get("started_at").asText()).isEqualTo("2026-01-01T10:03:00Z");
        assertThat(running.get("error").isNull()).isTrue();

        String base = "https://files.sim.invalid/jobs/" + id + "/";
        JsonNode partial = json(client.get(JOBS + "/" + id + "/result"));
        assertThat(partial.findValuesAsText("path")).contains(
                base + "dogs_v1_000000250.safetensors", base + "dogs_v1_000000500.safetensors",
                base + "config.yaml", base + "samples/1767261780000__000000250_1.jpg");

        sim.job(id).complete();
        JsonNode done = json(client.get(JOBS + "/" + id + "/result"));
        assertThat(done.get("status").asText()).isEqualTo("STOPPED");
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.at("/artifacts/checkpoints").findValuesAsText("path")).containsExactly(
                base + "dogs_v1_000000250.safetensors", base + "dogs_v1_000000500.safetensors",
                base + "dogs_v1_000000750.safetensors", base + "dogs_v1.safetensors");
        // baseline at step 0, then 250/500/750, then the final set, two prompts each
        assertThat(done.at("/artifacts/samples")).hasSize(10);
        JsonNode status = json(client.get(JOBS + "/" + id + "/status"));
        assertThat(status.at("/progress/current_step").asInt()).isEqualTo(1000);
        assertThat(status.get("finished_at").isNull()).isFalse();
    }

    @Test
    void keepsOnlyTheNewestFourStepCheckpoints() throws Exception {
        String id = client.submitOk(yaml("long", 2000, 250, 1000));
        sim.job(id).complete();
        JsonNode result = json(client.get(JOBS + "/" + id + "/result"));
        assertThat(result.at("/artifacts/checkpoints").findValuesAsText("path"))
                .map(p -> p.substring(p.lastIndexOf('/') + 1))
                .containsExactly("long_000001000.safetensors", "long_000001250.safetensors",
                        "long_000001500.safetensors", "long_000001750.safetensors", "long.safetensors");
    }

    @Test
    void rejectsAWrongOrMissingTokenWithoutCreatingAJob() throws Exception {
        HttpResponse<String> wrong = new SimClient(sim.baseUrl(), "other").submit(yaml("a", 10, 5, 5));
        HttpResponse<String> missing = new SimClient(sim.baseUrl(), null).submit(yaml("a", 10, 5, 5));
        for (HttpResponse<String> response : List.of(wrong, missing)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("error_code").asInt()).isEqualTo(40100);
            assertThat(json(response).get("error_message").asText()).isEqualTo("token rejected");
        }
        assertThat(sim.jobs()).isEmpty();
        assertThat(sim.requests()).extracting(RecordedRequest::authorizationPresent).containsExactly(true, false);
        assertThat(sim.requests()).noneMatch(RecordedRequest::authorizationMatched);
    }

    static Stream<Arguments> invalidSubmits() {
        String ok = yaml("ok", 100, 50, 50);
        return Stream.of(
                Arguments.of(SimClient.submitBody(ok, "ADA_80_PLUS", 1).replace("\"yaml\"", "\"json\"")),
                Arguments.of(SimClient.submitBody(ok, "A100", 1)),
                Arguments.of(SimClient.submitBody(ok, "HOPPER_141", 8)),
                Arguments.of(SimClient.submitBody(ok, "ADA_80_PLUS", 2)),
                Arguments.of(SimClient.submitBody("job: extension\nconfig:\n  process: []\n", "ADA_80_PLUS", 1)),
                Arguments.of(SimClient.submitBody("config: [unclosed", "ADA_80_PLUS", 1)),
                Arguments.of(SimClient.submitBody(ok.replace("steps: 100", "steps: lots"), "ADA_80_PLUS", 1)),
                Arguments.of("not json"));
    }

    @ParameterizedTest
    @MethodSource("invalidSubmits")
    void rejectsInvalidSubmitsWith422(String body) throws Exception {
        HttpResponse<String> response = client.post(JOBS, body);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("error_code").asInt()).isEqualTo(42251);
        assertThat(json(response).get("error_message").asText()).isNotBlank();
        assertThat(sim.jobs()).isEmpty();
    }

    @Test
    void acceptsEightGpusOnlyOnAda() throws Exception {
        HttpResponse<String> response = client.post(JOBS, SimClient.submitBody(yaml("big", 100, 50, 50),
                "ADA_80_PLUS", 8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sim.jobs()).singleElement().satisfies(j -> {
            assertThat(j.gpuType()).isEqualTo("ADA_80_PLUS");
            assertThat(j.gpuCount()).isEqualTo(8);
            assertThat(j.totalSteps()).isEqualTo(100);
        });
    }

    @Test
    void unknownIdsPathsAndVanishedJobsAnswer404() throws Exception {
        HttpResponse<String> unknownJob = client.get(JOBS + "/nope/status");
        assertThat(unknownJob.statusCode()).isEqualTo(404);
        assertThat(json(unknownJob).get("error_code").asInt()).isEqualTo(40451);
        assertThat(client.get(JOBS).statusCode()).as("there is no list endpoint").isEqualTo(404);
        assertThat(client.get("/prod/v1/other").statusCode()).isEqualTo(404);

        String id = client.submitOk(yaml("gone", 100, 50, 50));
        sim.job(id).vanish();
        assertThat(client.get(JOBS + "/" + id + "/status").statusCode()).isEqualTo(404);
        assertThat(client.get(JOBS + "/" + id + "/result").statusCode()).isEqualTo(404);
        assertThat(client.post(JOBS + "/" + id + "/cancel", "{}").statusCode()).isEqualTo(404);
        assertThat(sim.jobs()).isEmpty();
    }

    @Test
    void recordsEveryRequestWithoutTheToken() throws Exception {
        String id = client.submitOk(yaml("rec", 100, 50, 50));
        client.get(JOBS + "/" + id + "/status");
        client.get(JOBS + "/" + id + "/status");
        assertThat(sim.count(Operation.SUBMIT)).isEqualTo(1);
        assertThat(sim.count(Operation.STATUS, id)).isEqualTo(2);
        assertThat(sim.count(Operation.STATUS, "other")).isZero();
        RecordedRequest submit = sim.requests().get(0);
        assertThat(submit.method()).isEqualTo("POST");
        assertThat(submit.path()).isEqualTo(JOBS);
        assertThat(submit.jobId()).isNull();
        assertThat(submit.body()).contains("\"gpu_type\":\"ADA_80_PLUS\"");
        assertThat(submit.authorizationMatched()).isTrue();
        assertThat(sim.requests()).allSatisfy(r -> assertThat(r.toString()).doesNotContain("test-token"));
        sim.clearRecords();
        assertThat(sim.requests()).isEmpty();
    }
}
