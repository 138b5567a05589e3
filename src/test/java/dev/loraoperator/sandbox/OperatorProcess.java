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
import java.util.concurrent.TimeUnit;

/**
 * The operator as production runs it: {@code java -jar target/quarkus-app/quarkus-run.jar}, configured by
 * environment variables alone. Its whole log goes to a file; the Events it records are echoed to the console.
 */
public final class OperatorProcess implements AutoCloseable {

    // the category of the operator's Event log lines, full length thanks to the console format set below
    private static final String EVENT_CATEGORY = "[dev.loraoperator.events.EventRecorder] ";

    private final Process process;
    private final Thread pump;

    private OperatorProcess(Process process, Thread pump) {
        this.process = process;
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
        builder.environment().put("QUARKUS_LOG_CONSOLE_FORMAT", "%d{HH:mm:ss} %-5p [%c] %s%e%n");
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the operator", e);
        }
        Thread pump = new Thread(() -> copy(process, log, console), "operator-log");
        pump.setDaemon(true);
        pump.start();
        return new OperatorProcess(process, pump);
    }

    /** Waits for the readiness probe, which turns UP once the controller has started watching. */
    public void awaitReady(URI readiness, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited with code " + process.exitValue());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
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

    private static void copy(Process process, Path log, PrintStream console) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                out.flush();
                int at = line.indexOf(EVENT_CATEGORY);
                if (at >= 0) {
                    console.println("operator: " + line.substring(at + EVENT_CATEGORY.length()));
                }
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
