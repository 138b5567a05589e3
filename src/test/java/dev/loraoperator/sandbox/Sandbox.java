package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loraoperator.crdvalidation.CrdValidator;
import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local sandbox ({@code mvn -Psandbox package}): an embedded Kubernetes API that real kubectl can use, the
 * Trainer API simulator on a fast timeline, and the packaged operator run against both, until Ctrl-C.
 */
public final class Sandbox implements AutoCloseable {

    /** The line that says everything is up; the sandbox test waits for it. */
    static final String READY = "Sandbox ready";
    /** The API's audit log, in the sandbox's folder (see {@link AuditLog}). */
    static final String AUDIT_LOG = "api-audit.log";

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    public static void main(String[] args) throws InterruptedException {
        // the test classpath carries JBoss LogManager; say so before anything logs, or it complains at start
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(SandboxOptions.USAGE);
            throw e;
        }
        Sandbox sandbox = new Sandbox();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the sandbox...");
            sandbox.close();
            stopped.countDown();
        }, "sandbox-stop"));
        try {
            sandbox.start(options, System.out);
        } catch (RuntimeException e) {
            System.err.println("The sandbox could not start: " + e.getMessage());
            throw e;
        }
        // runs until Ctrl-C; under mvn exec:java this also keeps Maven from finishing the build
        stopped.await();
    }

    void start(SandboxOptions o, PrintStream console) {
        List<JsonNode> crds = CrdFile.readAll(o.crds());
        List<ServedKind> kinds = new ArrayList<>(CoreKinds.all());
        crds.forEach(crd -> kinds.add(CrdFile.servedKind(crd)));
        List<CrdValidator> validators = crds.stream().map(CrdValidator::of).toList();
        // every server binds its port itself and says which it holds: with port 0 nothing can take it in between
        AuditLog audit = AuditLog.create(o.dir().resolve(AUDIT_LOG));
        running.push(audit);
        ApiServer api = ApiServer.start("127.0.0.1", o.apiPort(),
                new SandboxDispatcher(kinds, validators, Clock.systemUTC()), audit);
        running.push(api);
        String apiUrl = "http://127.0.0.1:" + api.port();
        ClusterSeed.apply(apiUrl, crds, o);
        TrainerSimulator simulator = TrainerSimulator.start("127.0.0.1", o.simulatorPort(), o.token(),
                new Timeline(o.queue(), o.stepsPerSecond()), Clock.systemUTC());
        running.push(simulator);
        ExampleFiles files = ExampleFiles.start("127.0.0.1", o.filesPort());
        running.push(files);
        Path kubeconfig = Kubeconfig.write(o.dir().resolve("kubeconfig"), apiUrl);
        Path log = o.dir().resolve("operator.log");
        OperatorProcess operator = OperatorProcess.start(o.operatorJar(),
                operatorSettings(o, kubeconfig, simulator.baseUrl()), log, console);
        running.push(operator);
        URI operatorUrl = operator.awaitReady(Duration.ofSeconds(90));
        Path cwd = Path.of("").toAbsolutePath();
        running.push(HealthWatch.start(operatorUrl.resolve("/q/health"), cwd.relativize(log).toString(), console,
                Duration.ofSeconds(5)));

        console.printf("%s: Kubernetes API %s, Trainer API simulator %s (token %s), example files %s, operator %s,"
                + " operator log %s%n", READY, apiUrl, simulator.baseUrl(), o.token(), files.baseUrl(), operatorUrl,
                cwd.relativize(log));
        console.println("In another terminal, here:");
        console.printf("  export KUBECONFIG=%s; alias kubectl=%s%n", kubeconfig, o.toolsBin().resolve("kubectl"));
        console.println("  kubectl apply -f examples/flux-lora.yaml && kubectl get ltj -w");
        console.println("  kubectl describe ltj flux-lora     # then: kubectl delete -f examples/flux-lora.yaml");
        console.println("Stop the sandbox with Ctrl-C.");
        console.flush();
    }

    /** Production settings, except where the API and the Trainer are, and polls fast enough to watch. */
    private static Map<String, String> operatorSettings(SandboxOptions o, Path kubeconfig, String trainerUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        // The kubeconfig kubectl uses names the sandbox API. QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL works too, but
        // Quarkus logs it as a build-time property changed at runtime, a warning that would only mislead here.
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(o.operatorHttpPort()));
        env.put("LORA_OPERATOR_TRAINER_BASE_URL", trainerUrl);
        env.put("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAMESPACE", SandboxOptions.OPERATOR_NAMESPACE);
        env.put("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAME", SandboxOptions.SECRET_NAME);
        env.put("LORA_OPERATOR_DEFAULT_CREDENTIALS_KEY", SandboxOptions.SECRET_KEY);
        env.put("LORA_OPERATOR_POLL_QUEUED_INTERVAL", "1s");
        env.put("LORA_OPERATOR_POLL_RUNNING_INTERVAL", "1s");
        env.put("LORA_OPERATOR_POLL_RETRY_INTERVAL", "2s");
        return env;
    }

    /** Operator first, so it never sees its API or Trainer vanish under a job; then the simulator, the API, its log. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }
}
