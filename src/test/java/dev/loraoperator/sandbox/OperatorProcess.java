package dev.loraoperator.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator as production runs it: {@code java -jar target/quarkus-app/quarkus-run.jar}, configured by
 * environment variables alone. Its whole log goes to a file; the Events it records and its errors are echoed to the
 * console ({@link OperatorConsole}).
 */
public final class OperatorProcess implements AutoCloseable {

    // Quarkus's start-up line names the address it bound, also when it was asked for port 0
    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://\\S+)");

    private final Process process;
    private final CompletableFuture<URI> listening;
    private final Thread pump;

    private OperatorProcess(Process process, CompletableFuture<URI> listening, Thread pump) {
        this.process = process;
        this.listening = listening;
        this.pump = pump;
    }

    public static OperatorProcess start(Path jar, Map<String, String> settings, Path log, PrintStream console) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the operator first (mvn package)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        // nothing from the caller's shell may redirect the operator elsewhere (a real cluster, the real API)
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("LORA_OPERATOR_"));
        builder.environment().putAll(settings);
        builder.environment().put("QUARKUS_LOG_CONSOLE_FORMAT", OperatorConsole.LOG_FORMAT);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the operator", e);
        }
        CompletableFuture<URI> listening = new CompletableFuture<>();
        OperatorConsole shown = new OperatorConsole(Path.of("").toAbsolutePath().relativize(log.toAbsolutePath()).toString());
        Thread pump = new Thread(() -> copy(process, log, shown, console, listening), "operator-log");
        pump.setDaemon(true);
        pump.start();
        return new OperatorProcess(process, listening, pump);
    }

    /**
     * Waits until the operator says where its HTTP server listens and its readiness probe, which turns UP once the
     * controller has started watching, answers 200; returns that address.
     */
    public URI awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited with code " + process.exitValue());
            }
            URI base = listening.getNow(null);
            if (base == null) {
                sleep(250);
                continue;
            }
            URI readiness = base.resolve("/q/health/ready");
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return base;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the operator", e);
            }
            sleep(250);
        }
        throw new IllegalStateException("the operator was not ready after " + timeout.toSeconds() + "s");
    }

    /** The operator's process id, for reading its CPU time and memory from /proc. */
    public long pid() {
        return process.pid();
    }

    /**
     * SIGKILL, as the OOM killer or a lost node ends the operator: no shutdown hook runs and no request in flight
     * is finished. Returns once the process is gone.
     */
    public void kill() {
        try {
            if (!process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the operator (pid " + process.pid() + ") survived SIGKILL");
            }
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the operator", e);
        }
    }

    /** SIGTERM first, so Quarkus shuts down cleanly; a kill only if it hangs. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Process process, Path log, OperatorConsole shown, PrintStream console,
            CompletableFuture<URI> listening) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher address = LISTENING.matcher(line);
                if (!listening.isDone() && address.find()) {
                    listening.complete(URI.create(address.group(1)));
                }
                shown.lineFor(line).ifPresent(console::println);
            }
        } catch (IOException e) {
            // the operator is gone; its log ends here
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
