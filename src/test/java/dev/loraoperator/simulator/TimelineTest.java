package dev.loraoperator.simulator;

import static dev.loraoperator.simulator.SimClient.JOBS;
import static dev.loraoperator.simulator.SimClient.json;
import static dev.loraoperator.simulator.SimClient.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs move by a fake clock (no sleeps), the preemption knob bites once, and concurrent calls are safe. */
class TimelineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final TrainerSimulator sim =
            TrainerSimulator.start(0, "test-token", new Timeline(Duration.ofSeconds(10), 10), clock);
    private final SimClient client = new SimClient(sim.baseUrl(), "test-token");

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void queuesThenTrainsAtTheConfiguredSpeedThenStops() throws Exception {
        String id = client.submitOk(yaml("t", 1000, 250, 250));
        clock.advance(Duration.ofSeconds(9));
        assertThat(status(id).get("status").asText()).isEqualTo("IN_QUEUE");

        clock.advance(Duration.ofSeconds(1 + 30));
        JsonNode running = status(id);
        assertThat(running.get("status").asText()).isEqualTo("RUNNING");
        assertThat(running.at("/progress/current_step").asInt()).isEqualTo(300);
        assertThat(running.get("started_at").asText()).isEqualTo("2026-01-01T10:00:10Z");
        JsonNode partial = json(client.get(JOBS + "/" + id + "/result"));
        assertThat(partial.at("/artifacts/checkpoints")).hasSize(1);
        assertThat(partial.at("/artifacts/samples/2/path").asText()).as("dated when step 250 was reached")
                .endsWith("/samples/" + Instant.parse("2026-01-01T10:00:35Z").toEpochMilli() + "__000000250_0.jpg");

        clock.advance(Duration.ofSeconds(100));
        JsonNode done = status(id);
        assertThat(done.get("status").asText()).isEqualTo("STOPPED");
        assertThat(done.at("/progress/current_step").asInt()).isEqualTo(1000);
        assertThat(done.get("finished_at").asText()).as("not the poll time").isEqualTo("2026-01-01T10:01:50Z");
        assertThat(json(client.get(JOBS + "/" + id + "/result")).at("/artifacts/checkpoints").get(3).get("path")
                .asText()).endsWith("/t.safetensors");
    }

    @Test
    void preemptsEveryJobOnceAtTheFractionThenResumesToTheEnd() throws Exception {
        sim.preemptEveryJobOnceAt(0.5);
        String id = client.submitOk(yaml("p", 1000, 250, 250));
        clock.advance(Duration.ofSeconds(10 + 80));
        JsonNode preempted = status(id);
        assertThat(preempted.get("status").asText()).isEqualTo("STOPPED");
        assertThat(preempted.at("/progress/current_step").asInt()).isEqualTo(500);
        assertThat(json(client.get(JOBS + "/" + id + "/result")).at("/error/message").asText())
                .contains("server was reclaimed");

        assertThat(json(client.post(JOBS + "/" + id + "/resume", "{}")).get("status").asText()).isEqualTo("RESUMING");
        assertThat(status(id).get("status").asText()).isEqualTo("IN_QUEUE");
        clock.advance(Duration.ofSeconds(10 + 50));
        assertThat(status(id).get("status").asText()).isEqualTo("STOPPED");
        assertThat(status(id).at("/progress/current_step").asInt()).isEqualTo(1000);
        assertThat(status(id).get("error").isNull()).isTrue();
    }

    @Test
    void testControlsOverrideTheTimeline() throws Exception {
        String id = client.submitOk(yaml("o", 1000, 250, 250));
        sim.job(id).advanceTo(400);
        clock.advance(Duration.ofSeconds(10));
        assertThat(status(id).at("/progress/current_step").asInt()).isEqualTo(500);
        assertThatThrownBy(() -> sim.job(id).advanceTo(100)).isInstanceOf(IllegalArgumentException.class);
        sim.job(id).setStatus("PAUSED_BY_PLATFORM");
        clock.advance(Duration.ofHours(1));
        assertThat(status(id).get("status").asText()).as("the timeline leaves unknown states alone")
                .isEqualTo("PAUSED_BY_PLATFORM");
    }

    @Test
    void handlesConcurrentSubmitsAndPolls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> submits = IntStream.range(0, 24)
                    .mapToObj(i -> (Callable<String>) () -> {
                        String id = client.submitOk(yaml("c" + i, 100, 50, 50));
                        client.get(JOBS + "/" + id + "/status");
                        return id;
                    }).toList();
            List<String> ids = pool.invokeAll(submits).stream().map(TimelineTest::join).toList();
            assertThat(ids).doesNotHaveDuplicates().hasSize(24);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.jobs()).hasSize(24);
        assertThat(sim.count(Operation.SUBMIT)).isEqualTo(24);
        assertThat(sim.count(Operation.STATUS)).isEqualTo(24);
    }

    @Test
    void commandLineStartsAConfiguredSimulator() throws Exception {
        assertThat(SimulatorCli.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SimulatorCli.duration("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> SimulatorCli.parse(new String[] {"--gpus"}))
                .isInstanceOf(IllegalArgumentException.class);
        try (TrainerSimulator cli = SimulatorCli.launch(new String[] {"--port", "0", "--token", "sandbox-token",
                "--queue", "0s", "--steps-per-second", "1000000", "--preempt-at", "0.5", "--dataset-check", "0s",
                "--fail-datasets-with", "bad.jpg"})) {
            SimClient sandbox = new SimClient(cli.baseUrl(), "sandbox-token");
            String id = sandbox.submitOk(yaml("s", 1000, 250, 250));
            Thread.sleep(20); // real clock here: 20 ms at a million steps per second runs to the preemption
            assertThat(json(sandbox.get(JOBS + "/" + id + "/status")).at("/progress/current_step").asInt())
                    .isEqualTo(500);
            String dataset = json(sandbox.post(Route.DATASETS_PATH, "{\"name\": \"cli\"}")).get("id").asText();
            assertThat(json(sandbox.get(Route.DATASETS_PATH + "/" + dataset + "/status")).get("status").asText())
                    .isEqualTo("DRAFT");
        }
    }

    private JsonNode status(String id) throws Exception {
        return json(client.get(JOBS + "/" + id + "/status"));
    }

    private static String join(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
