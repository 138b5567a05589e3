package dev.loraoperator.simulator;

import static dev.loraoperator.simulator.SimClient.JOBS;
import static dev.loraoperator.simulator.SimClient.json;
import static dev.loraoperator.simulator.SimClient.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each fault knob misbehaves the way a client must survive, and processes the request only when it says so. */
class FaultKnobsTest extends ManualSimulatorTest {

    @Test
    void rateLimitAnswers429WithRetryAfterAndCreatesNoJob() throws Exception {
        sim.faults().rateLimit(Operation.SUBMIT, 2, 7);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> limited = client.submit(yaml("rl", 100, 50, 50));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        }
        assertThat(sim.jobs()).isEmpty();
        assertThat(sim.faults().pending(Operation.SUBMIT)).isZero();
        assertThat(client.submit(yaml("rl", 100, 50, 50)).statusCode()).isEqualTo(200);
        assertThat(sim.requests()).extracting(RecordedRequest::fault).containsExactly("RATE_LIMIT", "RATE_LIMIT", null);
    }

    @Test
    void serverErrorIsNotProcessedButAfterProcessingTheJobExists() throws Exception {
        String id = client.submitOk(yaml("se", 100, 50, 50));
        sim.faults().serverError(Operation.CANCEL, 1).serverError(Operation.STATUS, 1, 500);
        assertThat(client.post(JOBS + "/" + id + "/cancel", "{}").statusCode()).isEqualTo(503);
        assertThat(sim.job(id).snapshot().status()).isEqualTo("IN_QUEUE");
        assertThat(client.get(JOBS + "/" + id + "/status").statusCode()).isEqualTo(500);

        sim.faults().serverErrorAfterProcessing(1);
        HttpResponse<String> unknownOutcome = client.submit(yaml("maybe", 100, 50, 50));
        assertThat(unknownOutcome.statusCode()).isEqualTo(502);
        assertThat(sim.jobs()).extracting(JobSnapshot::name).containsExactly("se", "maybe");

        sim.faults().serverErrorAfterProcessing(Operation.CANCEL, 1);
        assertThat(client.post(JOBS + "/" + id + "/cancel", "{}").statusCode()).isEqualTo(502);
        assertThat(sim.job(id).snapshot().status()).isEqualTo("CANCELED");
    }

    @Test
    void hangLetsTheClientTimeOutWhileTheJobExists() {
        sim.faults().hang(Operation.SUBMIT, 1, Duration.ofSeconds(30));
        SimClient impatient = new SimClient(sim.baseUrl(), "test-token").timeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.submit(yaml("slow", 100, 50, 50)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.jobs()).extracting(JobSnapshot::name).containsExactly("slow");
    }

    @Test
    void resetClosesTheConnectionSoTheClientSeesAnIOException() throws Exception {
        sim.faults().resetConnection(Operation.SUBMIT, 1);
        client.get(JOBS + "/warm-up/status"); // a pooled connection, the case where a client might retry
        assertThatThrownBy(() -> client.submit(yaml("lost", 100, 50, 50))).isInstanceOf(IOException.class);
        assertThat(sim.jobs()).extracting(JobSnapshot::name).containsExactly("lost");

        String id = sim.jobs().get(0).id();
        sim.faults().resetConnection(Operation.STATUS, 1);
        assertThatThrownBy(() -> client.get(JOBS + "/" + id + "/status")).isInstanceOf(IOException.class);
        assertThat(sim.count(Operation.STATUS, id)).as("the client must not have retried on its own").isEqualTo(1);
        assertThat(client.get(JOBS + "/" + id + "/status").statusCode()).isEqualTo(200);
        assertThat(sim.count(Operation.SUBMIT)).isEqualTo(1);
    }

    @Test
    void malformedAnswers200WithBrokenJsonAfterProcessing() throws Exception {
        sim.faults().malformed(Operation.SUBMIT, 1);
        HttpResponse<String> response = client.submit(yaml("garbled", 100, 50, 50));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SimClient.JSON.readTree(response.body()))
                .isInstanceOf(JsonProcessingException.class);
        assertThat(sim.jobs()).hasSize(1);
    }

    @Test
    void refuseAnswersAnyErrorWithoutProcessing() throws Exception {
        sim.faults().refuse(Operation.SUBMIT, 1, 402, 40251, "insufficient funds");
        HttpResponse<String> response = client.submit(yaml("poor", 100, 50, 50));
        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(json(response).get("error_code").asInt()).isEqualTo(40251);
        assertThat(json(response).get("error_message").asText()).isEqualTo("insufficient funds");
        assertThat(sim.jobs()).isEmpty();
    }

    @Test
    void faultsTargetOnlyTheirOperationAndQueueInOrder() throws Exception {
        sim.faults().serverError(Operation.RESULT, 1).rateLimit(Operation.RESULT, 1, 1);
        String id = client.submitOk(yaml("order", 100, 50, 50));
        assertThat(client.get(JOBS + "/" + id + "/status").statusCode()).isEqualTo(200);
        assertThat(client.get(JOBS + "/" + id + "/result").statusCode()).isEqualTo(503);
        assertThat(client.get(JOBS + "/" + id + "/result").statusCode()).isEqualTo(429);
        assertThat(client.get(JOBS + "/" + id + "/result").statusCode()).isEqualTo(200);
        sim.faults().malformed(Operation.EDIT, 3);
        sim.faults().clear();
        assertThat(sim.faults().pending(Operation.EDIT)).isZero();
    }

    @Test
    void oversizedProcessesThenPadsTheRealAnswerToExactlyTheSize() throws Exception {
        sim.faults().oversized(Operation.SUBMIT, 1, 2_000_000);
        HttpResponse<String> response = client.submit(yaml("big", 100, 50, 50));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(2_000_000);
        assertThat(json(response).get("id").asText()).isEqualTo(sim.jobs().get(0).id());
        assertThat(json(response).get("padding").asText()).matches("x+");
    }

    @Test
    void missingFieldsProcessesThenLeavesThemOut() throws Exception {
        sim.faults().missingFields(Operation.SUBMIT, 1, "id");
        HttpResponse<String> submitted = client.submit(yaml("anon", 100, 50, 50));
        assertThat(json(submitted).has("id")).isFalse();
        assertThat(json(submitted).get("status").asText()).isEqualTo("IN_QUEUE");
        String id = sim.jobs().get(0).id();
        sim.faults().missingFields(Operation.STATUS, 1, "status", "progress");
        HttpResponse<String> status = client.get(JOBS + "/" + id + "/status");
        assertThat(json(status).get("id").asText()).isEqualTo(id);
        assertThat(json(status).has("status")).isFalse();
    }

    @Test
    void unknownStatusProcessesThenAnswersAStatusWordTheApiDoesNotDocument() throws Exception {
        String id = client.submitOk(yaml("novel", 100, 50, 50));
        sim.faults().unknownStatus(Operation.STATUS, 1, "WARMING_UP");
        assertThat(json(client.get(JOBS + "/" + id + "/status")).get("status").asText()).isEqualTo("WARMING_UP");
        assertThat(sim.job(id).snapshot().status()).as("the job itself is unchanged").isEqualTo("IN_QUEUE");
        assertThat(json(client.get(JOBS + "/" + id + "/status")).get("status").asText()).isEqualTo("IN_QUEUE");
    }

    @Test
    void hostileErrorAnswersAHugeErrorFullOfControlCharactersWithoutProcessing() throws Exception {
        sim.faults().hostileError(Operation.SUBMIT, 1, 422, 100_000);
        HttpResponse<String> response = client.submit(yaml("evil", 100, 50, 50));
        assertThat(response.statusCode()).isEqualTo(422);
        String message = json(response).get("error_message").asText();
        assertThat(message).hasSize(100_000).contains("\u001b[31m", "\r\n", "\u0000", "\u202E");
        assertThat(json(response).get("error_code").asText()).isEqualTo(message);
        assertThat(sim.jobs()).isEmpty();
    }

    @Test
    void rateLimitSendsAnyRetryAfterValueOrNone() throws Exception {
        sim.faults().rateLimit(Operation.SUBMIT, 1, "Wed, 21 Oct 2026 07:28:00 GMT").rateLimit(Operation.SUBMIT, 1,
                (String) null);
        assertThat(client.submit(yaml("a", 100, 50, 50)).headers().firstValue("Retry-After"))
                .hasValue("Wed, 21 Oct 2026 07:28:00 GMT");
        HttpResponse<String> bare = client.submit(yaml("a", 100, 50, 50));
        assertThat(bare.statusCode()).isEqualTo(429);
        assertThat(bare.headers().firstValue("Retry-After")).isEmpty();
        assertThat(sim.jobs()).isEmpty();
    }
}
