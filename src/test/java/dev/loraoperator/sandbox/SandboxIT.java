package dev.loraoperator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox started the way {@code mvn -Psandbox package} starts it (the same main class and defaults, other
 * ports), driven with the real kubectl: every example applied, waited for, shown, described and deleted, and the
 * Trainer API simulator asked which calls the operator made.
 */
class SandboxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target", "sandbox-it").toAbsolutePath();
    private static final String TOKEN = "sandbox-token";

    private static Process sandbox;
    private static final List<String> console = new CopyOnWriteArrayList<>();
    private static int simulatorPort;
    private static Kubectl kubectl;

    @BeforeAll
    static void startTheSandbox() throws Exception {
        int apiPort = freePort();
        simulatorPort = freePort();
        int operatorPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Sandbox.class.getName(),
                "--api-port", String.valueOf(apiPort), "--simulator-port", String.valueOf(simulatorPort),
                "--operator-http-port", String.valueOf(operatorPort), "--dir", DIR.toString()));
        sandbox = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(line -> {
                    console.add(line);
                    System.out.println("[sandbox] " + line);
                });
            } catch (IOException e) {
                // the sandbox is gone
            }
        }, "sandbox-console");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(sandbox.isAlive()).as("the sandbox exited: " + console).isTrue();
            return console.stream().anyMatch(l -> l.startsWith(Sandbox.READY));
        });
        kubectl = new Kubectl(Path.of(System.getProperty("lora.tools.bin", "target/tools/bin"), "kubectl"),
                DIR.resolve("kubeconfig"), DIR.resolve("kube-cache"));
    }

    @AfterAll
    static void stopTheSandbox() throws InterruptedException {
        if (sandbox == null) {
            return;
        }
        // SIGTERM runs the sandbox's shutdown hook, which stops the operator it started
        List<ProcessHandle> children = sandbox.descendants().toList();
        sandbox.destroy();
        if (!sandbox.waitFor(30, TimeUnit.SECONDS)) {
            sandbox.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aFluxJobRunsToSuccessWithPrinterColumnsEventsAndOneSubmission() throws Exception {
        assertThat(console).anyMatch(l -> l.contains("export KUBECONFIG="))
                .anyMatch(l -> l.contains("kubectl apply -f examples/flux-lora.yaml"));

        assertThat(kubectl.run("apply", "-f", "examples/flux-lora.yaml").ok().out())
                .contains("loratrainingjob.training.lora-operator.dev/flux-lora created");
        assertThat(kubectl.run("wait", "--for=condition=Succeeded", "ltj/flux-lora", "--timeout=120s").ok().out())
                .contains("condition met");

        List<String> table = kubectl.run("get", "ltj", "flux-lora").ok().out().lines().toList();
        assertThat(Arrays.asList(table.get(0).trim().split("\\s{2,}")))
                .containsExactly("NAME", "STATUS", "GPU", "PROGRESS", "JOB ID", "AGE");
        String jobId = kubectl.run("get", "ltj", "flux-lora", "-o", "jsonpath={.status.jobId}").ok().out();
        assertThat(table.get(1)).contains("flux-lora", "Succeeded", "ADA_80_PLUS", "500/500 (100%)", jobId);

        String described = kubectl.run("describe", "ltj", "flux-lora").ok().out();
        String events = described.substring(described.indexOf("\nEvents:"));
        assertThat(events).contains("Submitted", "Running", "Succeeded", "lora-training-operator", jobId)
                .doesNotContain("<none>");
        // each Event names its object's kind, as kubectl get events shows it
        assertThat(kubectl.run("get", "events").ok().out()).contains("loratrainingjob/flux-lora");

        assertThat(kubectl.run("delete", "-f", "examples/flux-lora.yaml").ok().out()).contains("\"flux-lora\" deleted");
        assertThat(kubectl.run("get", "ltj", "flux-lora").err()).contains("\"flux-lora\" not found");

        List<JsonNode> calls = simulatorCalls();
        assertThat(submissionsOf(calls, "flux_lora_example_v1")).isEqualTo(1);
        assertThat(callsFor(calls, "STATUS", jobId)).isPositive();
        assertThat(callsFor(calls, "RESULT", jobId)).isPositive();
        // a finished job is released on delete: nothing to cancel
        assertThat(callsFor(calls, "CANCEL", jobId)).isZero();
        assertThat(calls).allMatch(c -> c.get("authorizationMatched").asBoolean());
    }

    @Test
    void aJobAClusterWouldRefuseIsRefusedWithKubeApiserversMessage() throws Exception {
        Path bad = DIR.resolve("eight-h200.yaml");
        Files.writeString(bad, Files.readString(Path.of("examples/wan-video-lora.yaml"))
                .replace("name: wan-video-lora", "name: eight-h200").replaceFirst("gpuType: HOPPER_141", "gpuType: HOPPER_141\n  gpuCount: 8"));

        Kubectl.Result refused = kubectl.run("apply", "-f", bad.toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("The LoraTrainingJob \"eight-h200\" is invalid: spec: Invalid value:"
                + " gpuCount 8 is only available with gpuType ADA_80_PLUS");
        assertThat(kubectl.run("get", "ltj", "-o", "name").ok().out()).doesNotContain("eight-h200");
    }

    @Test
    void theVideoAndConfigMapExamplesRunToTheirEndWhileKubectlWatches() throws Exception {
        Path watched = DIR.resolve("get-w.txt");
        Process watch = kubectl.start(watched, "get", "ltj", "-w");
        try {
            kubectl.run("apply", "-f", "examples/wan-video-lora.yaml", "-f", "examples/configmap-lora.yaml").ok();
            kubectl.run("wait", "--for=condition=Succeeded", "ltj/wan-video-lora", "ltj/configmap-lora",
                    "--timeout=120s").ok();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readString(watched))
                    .contains("wan-video-lora").containsPattern("configmap-lora +Succeeded"));
        } finally {
            watch.destroy();
        }
        List<String> lines = Files.readAllLines(watched);
        assertThat(lines.stream().filter(l -> l.startsWith("NAME"))).hasSize(1);
        assertThat(lines).anyMatch(l -> l.matches("wan-video-lora +Running +HOPPER_141 +\\d+/300 .*"))
                .anyMatch(l -> l.matches("wan-video-lora +Succeeded +HOPPER_141 +300/300 \\(100%\\) .*"));

        List<JsonNode> calls = simulatorCalls();
        assertThat(submissionsOf(calls, "wan22_video_lora_example_v1")).isEqualTo(1);
        assertThat(submissionsOf(calls, "qwen_image_style_lora_v1")).isEqualTo(1);

        kubectl.run("delete", "-f", "examples/wan-video-lora.yaml", "-f", "examples/configmap-lora.yaml").ok();
        assertThat(kubectl.run("get", "ltj", "-o", "name").ok().out()).doesNotContain("wan-video-lora", "configmap-lora");
    }

    private static List<JsonNode> simulatorCalls() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + simulatorPort + "/simulator/requests"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false).toList();
    }

    /** A submission names its job only inside the config YAML it sends. */
    private static long submissionsOf(List<JsonNode> calls, String configName) {
        return calls.stream().filter(c -> "SUBMIT".equals(c.get("operation").asText()))
                .filter(c -> c.get("body").asText().contains("name: \\\"" + configName + "\\\"")).count();
    }

    private static long callsFor(List<JsonNode> calls, String operation, String jobId) {
        return calls.stream().filter(c -> operation.equals(c.get("operation").asText()))
                .filter(c -> jobId.equals(c.path("jobId").asText())).count();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
