package dev.loraoperator.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loraoperator.simulator.JobSnapshot;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.RecordedRequest;
import dev.loraoperator.simulator.SimulatorCli;
import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The Trainer API simulator in a JVM of its own for the benchmark, with a side port that reports what it saw: the
 * requests of each kind, and per job when it was submitted, when it finished and how often it was read.
 * Arguments: token, queue duration, steps per second. Prints the simulator's URL and the report's URL.
 */
public final class BenchSimulator {

    static final String TOTALS_PATH = "/bench/totals";
    static final String JOBS_PATH = "/bench/jobs";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private BenchSimulator() {
    }

    /** One job as the benchmark needs it; times in epoch milliseconds, finishedAt 0 while unfinished. */
    record JobReport(String id, String name, String status, long createdAt, long finishedAt, int checkpoints,
            Map<Operation, Integer> requests) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        TrainerSimulator sim = TrainerSimulator.start(0, args[0],
                new Timeline(SimulatorCli.duration(args[1]), Double.parseDouble(args[2])));
        HttpServer report = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        report.createContext(TOTALS_PATH, exchange -> reply(exchange, () -> totals(sim.requests())));
        report.createContext(JOBS_PATH, exchange -> reply(exchange, () -> jobs(sim)));
        report.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            report.stop(0);
            sim.close();
            stopped.countDown();
        }));
        System.out.println(sim.baseUrl() + " http://127.0.0.1:" + report.getAddress().getPort());
        stopped.await();
    }

    private static Map<Operation, Integer> totals(List<RecordedRequest> requests) {
        Map<Operation, Integer> totals = new EnumMap<>(Operation.class);
        requests.forEach(r -> totals.merge(r.operation(), 1, Integer::sum));
        return totals;
    }

    private static List<JobReport> jobs(TrainerSimulator sim) {
        Map<String, Map<Operation, Integer>> perJob = new HashMap<>();
        for (RecordedRequest r : sim.requests()) {
            if (r.jobId() != null) {
                perJob.computeIfAbsent(r.jobId(), id -> new EnumMap<>(Operation.class))
                        .merge(r.operation(), 1, Integer::sum);
            }
        }
        return sim.jobs().stream().map(j -> report(j, perJob.getOrDefault(j.id(), Map.of()))).toList();
    }

    private static JobReport report(JobSnapshot j, Map<Operation, Integer> requests) {
        return new JobReport(j.id(), j.name(), j.status(), j.createdAt().toEpochMilli(),
                j.finishedAt() == null ? 0 : j.finishedAt().toEpochMilli(), j.checkpoints(), requests);
    }

    private static void reply(HttpExchange exchange, Supplier<Object> body) throws IOException {
        try (exchange) {
            byte[] bytes;
            int status = 200;
            try {
                bytes = JSON.writeValueAsBytes(body.get());
            } catch (RuntimeException | IOException e) {
                // the JDK server would drop the connection without a word: say what went wrong
                e.printStackTrace();
                status = 500;
                bytes = String.valueOf(e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
