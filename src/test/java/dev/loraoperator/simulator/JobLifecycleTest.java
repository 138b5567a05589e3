package dev.loraoperator.simulator;

import static dev.loraoperator.simulator.SimClient.JOBS;
import static dev.loraoperator.simulator.SimClient.json;
import static dev.loraoperator.simulator.SimClient.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Cancel, resume and edit follow the state rules of trainer-api.md §2.6-2.8, and odd statuses reach the client. */
class JobLifecycleTest extends ManualSimulatorTest {

    @Test
    void cancelsAQueuedJobOnceThenAnswers409() throws Exception {
        String id = client.submitOk(yaml("c", 100, 50, 50));
        HttpResponse<String> cancelled = client.post(JOBS + "/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asText()).isEqualTo("CANCELED");
        assertThat(json(cancelled).get("id").asText()).isEqualTo(id);

        HttpResponse<String> again = client.post(JOBS + "/" + id + "/cancel", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("error_code").asInt()).isEqualTo(40951);
        assertThat(json(again).get("error_message").asText()).isEqualTo("job is not cancellable in state CANCELED");
    }

    @Test
    void resumesAPreemptedJobFromItsLatestCheckpointUnderTheSameId() throws Exception {
        String id = client.submitOk(yaml("r", 1000, 250, 250));
        assertThat(client.post(JOBS + "/" + id + "/resume", "{}").statusCode())
                .as("not resumable while queued").isEqualTo(409);
        sim.job(id).start().advanceTo(620).stopEarly();

        JsonNode stopped = json(client.get(JOBS + "/" + id + "/result"));
        assertThat(stopped.get("status").asText()).isEqualTo("STOPPED");
        assertThat(stopped.at("/error/code").asText()).isEqualTo("TRAINING_ERROR");
        assertThat(stopped.at("/error/message").asText()).isEqualTo("Job failed: server was reclaimed.");
        assertThat(json(client.get(JOBS + "/" + id + "/status")).at("/progress/current_step").asInt()).isEqualTo(620);

        HttpResponse<String> resumed = client.post(JOBS + "/" + id + "/resume", "{\"gpu_type\":\"HOPPER_141\"}");
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(json(resumed).get("id").asText()).isEqualTo(id);
        assertThat(json(resumed).get("status").asText()).isEqualTo("RESUMING");
        assertThat(sim.job(id).snapshot()).satisfies(s -> {
            assertThat(s.step()).isEqualTo(500);
            assertThat(s.gpuType()).isEqualTo("HOPPER_141");
            assertThat(s.gpuCount()).isEqualTo(1);
        });
        assertThat(json(client.get(JOBS + "/" + id + "/status")).get("error").isNull()).isTrue();
        HttpResponse<String> twice = client.post(JOBS + "/" + id + "/resume", "{}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).get("error_code").asInt()).isEqualTo(40952);

        sim.job(id).complete();
        assertThat(sim.jobs()).singleElement().extracting(JobSnapshot::status, JobSnapshot::step)
                .containsExactly("STOPPED", 1000);
    }

    @Test
    void advancingToTheLastStepCompletesAndPreemptionStopsTheAdvance() throws Exception {
        String whole = client.submitOk(yaml("w", 1000, 250, 250));
        sim.job(whole).advanceTo(1000);
        assertThat(sim.job(whole).snapshot()).extracting(JobSnapshot::status, JobSnapshot::step)
                .containsExactly("STOPPED", 1000);
        assertThat(json(client.get(JOBS + "/" + whole + "/result")).at("/artifacts/checkpoints/3/path").asText())
                .endsWith("/w.safetensors");

        sim.preemptEveryJobOnceAt(0.3);
        String cut = client.submitOk(yaml("cut", 1000, 250, 250));
        sim.job(cut).advanceTo(800);
        assertThat(sim.job(cut).snapshot()).extracting(JobSnapshot::status, JobSnapshot::step)
                .containsExactly("STOPPED", 300);
    }

    @Test
    void resumeRejectsAnInvalidGpuChoice() throws Exception {
        String id = client.submitOk(yaml("g", 100, 50, 50));
        sim.job(id).fail("OOM", "CUDA out of memory");
        HttpResponse<String> response =
                client.post(JOBS + "/" + id + "/resume", "{\"gpu_count\":8,\"gpu_type\":\"HOPPER_141\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(sim.job(id).snapshot().status()).isEqualTo("FAILED");
    }

    @Test
    void editsOnlyAStoppedJobAndOnlyUnderTheSameName() throws Exception {
        String id = client.submitOk(yaml("e", 1000, 250, 250));
        sim.job(id).start();
        HttpResponse<String> whileRunning = edit(id, yaml("e", 2000, 250, 250));
        assertThat(whileRunning.statusCode()).isEqualTo(409);
        assertThat(json(whileRunning).get("error_code").asInt()).isEqualTo(40953);

        sim.job(id).fail("TRAINING_ERROR", "CUDA out of memory");
        JsonNode failed = json(client.get(JOBS + "/" + id + "/status"));
        assertThat(failed.at("/error/message").asText()).isEqualTo("CUDA out of memory");
        HttpResponse<String> renamed = edit(id, yaml("other", 2000, 250, 250));
        assertThat(renamed.statusCode()).isEqualTo(422);
        assertThat(json(renamed).get("error_code").asInt()).isEqualTo(42252);

        String newYaml = yaml("e", 3000, 500, 500);
        HttpResponse<String> edited = edit(id, newYaml);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(json(edited).get("status").asText()).as("edit does not start the job").isEqualTo("FAILED");
        assertThat(sim.job(id).snapshot().totalSteps()).isEqualTo(3000);
        assertThat(sim.job(id).snapshot().configYaml()).isEqualTo(newYaml);
        assertThat(client.post(JOBS + "/" + id + "/resume", "").statusCode()).isEqualTo(200);
    }

    @Test
    void passesUnknownStatusesAndTheDoubleLSpellingThrough() throws Exception {
        String odd = client.submitOk(yaml("odd", 100, 50, 50));
        sim.job(odd).setStatus("WARMING_UP");
        assertThat(json(client.get(JOBS + "/" + odd + "/status")).get("status").asText()).isEqualTo("WARMING_UP");
        assertThat(json(client.get(JOBS + "/" + odd + "/result")).get("status").asText()).isEqualTo("WARMING_UP");

        sim.useDoubleLCancelled(true);
        String cancelled = client.submitOk(yaml("cc", 100, 50, 50));
        assertThat(json(client.post(JOBS + "/" + cancelled + "/cancel", "{}")).get("status").asText())
                .isEqualTo("CANCELLED");
        assertThat(json(client.get(JOBS + "/" + cancelled + "/status")).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void canReportAFailureAsABareString() throws Exception {
        String id = client.submitOk(yaml("s", 100, 50, 50));
        sim.job(id).failWithStringError("dataset not READY");
        JsonNode status = json(client.get(JOBS + "/" + id + "/status"));
        assertThat(status.get("status").asText()).isEqualTo("FAILED");
        assertThat(status.get("error").isTextual()).isTrue();
        assertThat(status.get("error").asText()).isEqualTo("dataset not READY");
    }

    private HttpResponse<String> edit(String id, String yaml) throws Exception {
        return client.post(JOBS + "/" + id + "/edit", SimClient.editBody(yaml));
    }
}
