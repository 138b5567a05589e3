package dev.loraoperator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the sandbox console says about the operator: its Events, its errors and its health, one line each. */
class OperatorConsoleTest {

    private final OperatorConsole console = new OperatorConsole("target/sandbox/operator.log");

    @Test
    void anErrorIsOneLineSayingWhereTheRestIs() {
        assertThat(console.lineFor("16:02:11 ERROR [io.javaoperatorsdk.operator.processing.event.source.informer"
                + ".InformerWrapper] Informer startup error. Operator will be stopped. Informer: loratrainingjobs"))
                .contains("operator ERROR [i.j.o.p.e.s.i.InformerWrapper] Informer startup error. Operator will be"
                        + " stopped. Informer: loratrainingjobs (full log: target/sandbox/operator.log)");
        // the stack trace that follows stays in the log
        assertThat(console.lineFor("\tat io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager.run")).isEmpty();
        assertThat(console.lineFor("16:02:12 WARN  [io.fabric8.kubernetes.client] something odd")).isEmpty();
        assertThat(console.lineFor("16:02:12 INFO  [io.quarkus] started")).isEmpty();
    }

    @Test
    void eventsAreShownAsTheOperatorLogsThem() {
        assertThat(console.lineFor("16:02:13 INFO  [dev.loraoperator.events.EventRecorder] default/flux-lora:"
                + " Submitted: job j-1")).contains("operator: default/flux-lora: Submitted: job j-1");
    }

    @Test
    void aHealthCheckTurningDownIsSaidOnceAndSoIsItsRecovery() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>("{\"status\":\"UP\",\"checks\":[]}");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger polls = new AtomicInteger();
        server.createContext("/q/health", exchange -> {
            polls.incrementAndGet();
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get().contains("DOWN") ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        URI health = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/q/health");
        try (HealthWatch watch = HealthWatch.start(health, "target/sandbox/operator.log",
                new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofMillis(50))) {
            answer.set("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"Quarkus Operator SDK health check\","
                    + "\"status\":\"DOWN\"},{\"name\":\"Kubernetes API\",\"status\":\"UP\"}]}");
            await().atMost(Duration.ofSeconds(5)).until(() -> out.toString(StandardCharsets.UTF_8).contains("DOWN"));
            int seen = polls.get();
            await().atMost(Duration.ofSeconds(5)).until(() -> polls.get() >= seen + 3);  // more polls, all DOWN
            answer.set("{\"status\":\"UP\",\"checks\":[]}");
            await().atMost(Duration.ofSeconds(5)).until(() -> out.toString(StandardCharsets.UTF_8).contains("UP again"));
        } finally {
            server.stop(0);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "operator health DOWN: checks Quarkus Operator SDK health check; see " + health
                        + " and target/sandbox/operator.log",
                "operator health UP again (" + health + ")");
    }
}
