package dev.loraoperator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.packaging.ApiCalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox started the way {@code mvn -Psandbox package} starts it (the same main class and defaults, but port 0
 * everywhere: each server binds a free port and the sandbox reports it), driven with the real kubectl: every example
 * applied, waited for, shown, described and deleted, and the Trainer API simulator asked which calls the operator made.
 */
class SandboxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target", "sandbox-it").toAbsolutePath();
    private static final String TOKEN = "sandbox-token";
    private static final Pattern SIMULATOR_ADDRESS = Pattern.compile("Trainer API simulator (http://[^ ,]+)");
    private static final Pattern FILES_ADDRESS = Pattern.compile("example files (http://[^ ,]+)");

    private static Process sandbox;
    private static final List<String> console = new CopyOnWriteArrayList<>();
    private static URI simulator;
    private static String exampleFiles;
    private static Kubectl kubectl;

    @BeforeAll
    static void startTheSandbox() throws Exception {
        // port 0 everywhere: each server binds a free port itself and the sandbox reports which
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Sandbox.class.getName(),
                "--api-port", "0", "--simulator-port", "0", "--operator-http-port", "0", "--files-port", "0",
                "--dir", DIR.toString()));
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
        String ready = console.stream().filter(l -> l.startsWith(Sandbox.READY)).findFirst().orElseThrow();
        Matcher address = SIMULATOR_ADDRESS.matcher(ready);
        assertThat(address.find()).as(ready).isTrue();
        simulator = URI.create(address.group(1));
        Matcher files = FILES_ADDRESS.matcher(ready);
        assertThat(files.find()).as(ready).isTrue();
        exampleFiles = files.group(1);
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

        // all the packaged operator asked of the Kubernetes API on the way (JOSDK's own calls included) is
        // what the chart's RBAC grants: the calls ApiCalls lists, from which RbacMatchesApiCallsTest derives it
        Set<String> granted = ApiCalls.ALL.stream().map(c -> c.group() + "/" + c.resource() + " " + c.verb())
                .collect(Collectors.toCollection(TreeSet::new));
        // JOSDK's leader election asks what it may do; Kubernetes lets every authenticated user ask that
        granted.add("authorization.k8s.io/selfsubjectrulesreviews create");
        Set<String> made = operatorApiCalls();
        assertThat(made).contains("training.lora-operator.dev/loratrainingjobs list",
                "training.lora-operator.dev/loratrainingjobs watch", "training.lora-operator.dev/loratrainingjobs patch",
                "training.lora-operator.dev/loratrainingjobs/status update", "/events create");
        assertThat(granted).as("calls the operator made (audit log)").containsAll(made);
    }

    /** "group/resource verb" of every request in the sandbox API's audit log that neither kubectl nor the seed made. */
    private static Set<String> operatorApiCalls() throws IOException {
        Set<String> made = new TreeSet<>();
        for (String line : Files.readAllLines(DIR.resolve(Sandbox.AUDIT_LOG))) {
            JsonNode entry = JSON.readTree(line);
            String agent = entry.path("userAgent").asText();
            if (!agent.startsWith("kubectl/") && !agent.equals(ClusterSeed.USER_AGENT)) {
                made.add(entry.get("group").asText() + "/" + entry.get("resource").asText() + " "
                        + entry.get("verb").asText());
            }
        }
        return made;
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
    void imagesInAConfigMapBecomeADatasetThatAJobTrainsOnWithKubectlApplyAlone() throws Exception {
        kubectl.run("apply", "-f", "examples/dataset-lora.yaml").ok();
        kubectl.run("wait", "--for=jsonpath={.status.phase}=Ready", "lds/corgis", "--timeout=120s").ok();
        kubectl.run("wait", "--for=condition=Succeeded", "ltj/corgi-lora", "--timeout=120s").ok();
        assertThat(kubectl.run("get", "lds", "corgis").ok().out()).containsPattern("corgis +Ready +4/4 ");
        assertThat(kubectl.run("describe", "ltj", "corgi-lora").ok().out()).contains("DatasetNotReady")
                .contains("submitted as RunComfy dataset default-corgis");
        List<JsonNode> submits = simulatorCalls().stream().filter(c -> "SUBMIT".equals(c.path("operation").asText())
                && c.path("body").asText().contains("corgi_lora_v1")).toList();
        assertThat(submits).hasSize(1);
        assertThat(submits.get(0).path("body").asText()).contains("/app/ai-toolkit/datasets/default-corgis");
        kubectl.run("delete", "-f", "examples/dataset-lora.yaml").ok();
    }

    @Test
    void anArchiveTheSandboxServesBecomesADatasetThatAJobTrainsOn() throws Exception {
        // the example names the sandbox's default port; this sandbox took a free one
        Path example = DIR.resolve("dataset-archive-lora.yaml");
        Files.writeString(example, Files.readString(Path.of("examples/dataset-archive-lora.yaml"))
                .replace("http://127.0.0.1:8091", exampleFiles));
        kubectl.run("apply", "-f", example.toString()).ok();
        kubectl.run("wait", "--for=jsonpath={.status.phase}=Ready", "lds/corgis-archive", "--timeout=120s").ok();
        kubectl.run("wait", "--for=condition=Succeeded", "ltj/corgi-archive-lora", "--timeout=120s").ok();
        assertThat(kubectl.run("get", "lds", "corgis-archive").ok().out())
                .containsPattern("corgis-archive +Ready +" + ExampleFiles.FILES + "/" + ExampleFiles.FILES + " ");
        String remoteId = kubectl.run("get", "lds", "corgis-archive", "-o", "jsonpath={.status.remoteId}").ok().out();
        assertThat(simulatorCalls()).as("each file of the archive uploaded once")
                .filteredOn(c -> "UPLOAD_FILE".equals(c.path("operation").asText())
                        && remoteId.equals(c.path("jobId").asText())).hasSize(ExampleFiles.FILES);
        List<JsonNode> submits = simulatorCalls().stream().filter(c -> "SUBMIT".equals(c.path("operation").asText())
                && c.path("body").asText().contains("corgi_archive_lora_v1")).toList();
        assertThat(submits).hasSize(1);
        assertThat(submits.get(0).path("body").asText()).contains("/app/ai-toolkit/datasets/default-corgis-archive");
        kubectl.run("delete", "-f", example.toString()).ok();
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
                simulator.resolve("/simulator/requests"))
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
}
