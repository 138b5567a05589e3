package dev.loraoperator.simulator;

import static dev.loraoperator.simulator.SimClient.JOBS;
import static dev.loraoperator.simulator.SimClient.json;
import static dev.loraoperator.simulator.SimClient.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** GET /simulator/requests shows what a client called, behind the token, without being recorded itself. */
class RequestLogEndpointTest extends ManualSimulatorTest {

    @Test
    void listsTheRecordedRequestsInArrivalOrder() throws Exception {
        String id = client.submitOk(yaml("logged_v1", 100, 50, 50));
        client.get(JOBS + "/" + id + "/status");

        JsonNode log = json(client.get(RequestLogEndpoint.PATH));

        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("operation").asText()).isEqualTo("SUBMIT");
        assertThat(log.get(0).get("body").asText()).contains("logged_v1");
        assertThat(log.get(1).get("operation").asText()).isEqualTo("STATUS");
        assertThat(log.get(1).get("jobId").asText()).isEqualTo(id);
        assertThat(log.get(1).get("authorizationMatched").asBoolean()).isTrue();
        assertThat(sim.requests()).hasSize(2);
    }

    @Test
    void needsTheToken() throws Exception {
        SimClient stranger = new SimClient(sim.baseUrl(), "wrong-token");

        assertThat(stranger.get(RequestLogEndpoint.PATH).statusCode()).isEqualTo(401);
        assertThat(client.get(RequestLogEndpoint.PATH + "/extra").statusCode()).isEqualTo(404);
        assertThat(sim.requests()).isEmpty();
    }
}
