package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls the operator's health endpoint ({@code /q/health}) and says on the console, in one line, when it turns
 * DOWN (which checks, and where to look) and when it is UP again. Silent while nothing changes.
 */
final class HealthWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI health;
    private final String logFile;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "operator-health");
        t.setDaemon(true);
        return t;
    });
    private boolean down;

    private HealthWatch(URI health, String logFile, PrintStream console) {
        this.health = health;
        this.logFile = logFile;
        this.console = console;
    }

    static HealthWatch start(URI health, String logFile, PrintStream console, Duration every) {
        HealthWatch watch = new HealthWatch(health, logFile, console);
        watch.timer.scheduleWithFixedDelay(watch::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    private void check() {
        String problem;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            problem = r.statusCode() == 200 ? null : downChecks(r.body());
        } catch (IOException e) {
            problem = "not answering (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (problem != null && !down) {
            console.println("operator health DOWN: " + problem + "; see " + health + " and " + logFile);
        } else if (problem == null && down) {
            console.println("operator health UP again (" + health + ")");
        }
        down = problem != null;
    }

    /** The names of the failing checks in a MicroProfile Health answer, or what is wrong with the answer. */
    static String downChecks(String body) {
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode check : JSON.readTree(body).path("checks")) {
                if (!"UP".equals(check.path("status").asText())) {
                    names.add(check.path("name").asText());
                }
            }
            return names.isEmpty() ? "status DOWN" : "checks " + String.join(", ", names);
        } catch (IOException e) {
            return "unreadable answer";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
