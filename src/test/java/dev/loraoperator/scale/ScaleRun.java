package dev.loraoperator.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.sandbox.Kubeconfig;
import dev.loraoperator.sandbox.OperatorProcess;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * One benchmark run: the mock API server and the simulator each in a JVM of their own, the packaged operator as
 * production starts it, N LoraTrainingJobs created in one burst and followed until every one has Succeeded, then a
 * quiet window; every figure is observed at the servers or read from /proc and the GC log afterwards.
 */
final class ScaleRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bench-token";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    // the benchmark's own creates: enough in parallel that the burst is limited by the operator, not by us
    private static final int CREATORS = 8;

    private final BenchOptions options;
    private final int n;
    private final Path dir;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newHttpClient();

    ScaleRun(BenchOptions options, int n, PrintStream console) {
        this.options = options;
        this.n = n;
        this.dir = options.out().resolve("n-" + n).toAbsolutePath();
        this.console = console;
    }

    RunResult run() throws InterruptedException {
        double rate = options.rateFor(n);
        List<String> serverJvm = List.of("-Xmx1g", "-XX:+UseParallelGC");
        try (ChildJvm apiJvm = ChildJvm.start(MockApiServer.class, serverJvm, List.of(), dir.resolve("api.log"));
                ChildJvm simJvm = ChildJvm.start(BenchSimulator.class, serverJvm, List.of(TOKEN,
                        options.queue().toMillis() + "ms", String.valueOf(options.stepsPerSecond())),
                        dir.resolve("simulator.log"));
                KubernetesClient client = TestCluster.client(apiJvm.firstLine())) {
            String apiUrl = apiJvm.firstLine();
            String[] sim = simJvm.firstLine().split(" ");
            TestCluster.install(client, TOKEN);
            Map<String, String> env = new LinkedHashMap<>(TestCluster.operatorSettings(
                    Kubeconfig.write(dir.resolve("kubeconfig"), apiUrl), sim[0], options.poll(), rate));
            // the way the chart passes JVM flags; the GC log is read afterwards, never the live process
            env.put("JAVA_TOOL_OPTIONS", "-Xmx" + options.xmx() + " -Xlog:gc:file=" + dir.resolve("gc.log"));
            try (OperatorProcess operator = OperatorProcess.start(JAR, env, dir.resolve("operator.log"),
                    new PrintStream(OutputStream.nullOutputStream()))) {
                operator.awaitReady(Duration.ofSeconds(120));
                return measure(client, apiUrl, sim[1], rate, operator.pid(), apiJvm.pid(), simJvm.pid());
            }
        }
    }

    private RunResult measure(KubernetesClient client, String apiUrl, String simReport, double rate, long operatorPid,
            long apiPid, long simPid) throws InterruptedException {
        Map<Long, ProcStats> cpuBefore = Map.of(operatorPid, ProcStats.of(operatorPid), apiPid, ProcStats.of(apiPid),
                simPid, ProcStats.of(simPid));
        Map<String, Long> kubeBefore = kubeCounts(apiUrl);
        long start = System.currentTimeMillis();
        console.printf("  creating %d LoraTrainingJobs (rate %.0f/s, poll %ss)%n", n, rate, options.poll().toSeconds());
        createAll(client);
        long created = System.currentTimeMillis();
        double boundSeconds = n / rate;
        long deadline = created + (long) ((boundSeconds + options.jobLifetime().toSeconds()
                + 3 * options.poll().toSeconds() + 120) * 1000);
        boolean timedOut = !waitFor(() -> succeededCount(apiUrl) >= n, deadline);
        long end = System.currentTimeMillis();
        Map<Long, ProcStats> cpuAfter = Map.of(operatorPid, ProcStats.of(operatorPid), apiPid, ProcStats.of(apiPid),
                simPid, ProcStats.of(simPid));
        Map<String, Long> kubeAfter = kubeCounts(apiUrl);

        console.printf("  %s after %.0fs; quiet window of %ss%n", timedOut ? "TIMED OUT" : "all Succeeded",
                (end - start) / 1000.0, options.quiet().toSeconds());
        Map<String, Long> remoteQuietStart = remoteTotals(simReport);
        Thread.sleep(options.quiet().toMillis());
        Map<String, Long> kubeQuietEnd = kubeCounts(apiUrl);
        Map<String, Long> remoteQuietEnd = remoteTotals(simReport);

        JsonNode jobs = get(simReport + BenchSimulator.JOBS_PATH);
        JsonNode succeeded = get(apiUrl + CountingDispatcher.SUCCEEDED_PATH);
        GcLog gc = GcLog.read(dir.resolve("gc.log"), dir.resolve("operator.log"));
        Map<String, Long> kubeRun = minus(kubeAfter, kubeBefore);
        Map<String, Double> kubePerJob = new TreeMap<>();
        kubeRun.forEach((k, v) -> kubePerJob.put(k, round(v / (double) n)));

        List<Double> staleness = staleness(jobs, succeeded);
        RemoteTally remote = RemoteTally.of(jobs, options.poll().toMillis());
        return new RunResult(n, options.poll().toMillis() / 1000.0, rate, options.xmx(), succeeded.size(), timedOut,
                remote.duplicates(), round((created - start) / 1000.0), round((remote.lastSubmit() - start) / 1000.0),
                round(boundSeconds), round(remote.submits() / (double) n), round(remote.statusReads() / n),
                round(remote.statusMinimum() / n), round(remote.resultReads() / n), round(remote.resultBound() / n),
                round(remote.callsOverMinimum()), kubePerJob, round(writes(kubeRun) / (double) n),
                options.quiet().toMillis() / 1000.0, writes(minus(kubeQuietEnd, kubeAfter)),
                sum(minus(remoteQuietEnd, remoteQuietStart)), round(percentile(staleness, 50)),
                round(percentile(staleness, 99)), round(percentile(staleness, 100)), gc.collections(),
                round(gc.peakHeapAfterGcMib()), gc.outOfMemory(), round(cpuAfter.get(operatorPid).peakRssKib() / 1024.0),
                cpuMsPerJob(cpuBefore, cpuAfter, operatorPid), cpuMsPerJob(cpuBefore, cpuAfter, apiPid),
                cpuMsPerJob(cpuBefore, cpuAfter, simPid), round((end - start) / 1000.0));
    }

    private void createAll(KubernetesClient client) throws InterruptedException {
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = String.format("bench-%05d", i);
                done.add(creators.submit(() -> client.resource(TestCluster.job(name, Map.of("bench", "scale"),
                        options.steps(), options.saveEvery())).create()));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("creating the LoraTrainingJobs failed", e.getCause());
        } finally {
            creators.shutdownNow();
        }
    }

    /** From the simulator's final state of each job to the first status write that said Succeeded, in seconds. */
    private static List<Double> staleness(JsonNode jobs, JsonNode succeeded) {
        Map<String, Long> finishedById = new HashMap<>();
        jobs.forEach(j -> finishedById.put(j.path("id").asText(), j.path("finishedAt").asLong()));
        List<Double> out = new ArrayList<>();
        for (Iterator<JsonNode> it = succeeded.elements(); it.hasNext();) {
            JsonNode s = it.next();
            Long finished = finishedById.get(s.path("jobId").asText());
            if (finished != null && finished > 0) {
                out.add((s.path("at").asLong() - finished) / 1000.0);
            }
        }
        Collections.sort(out);
        return out;
    }

    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private double cpuMsPerJob(Map<Long, ProcStats> before, Map<Long, ProcStats> after, long pid) {
        return round((after.get(pid).cpuSeconds() - before.get(pid).cpuSeconds()) * 1000 / n);
    }

    private int succeededCount(String apiUrl) {
        return get(apiUrl + CountingDispatcher.COUNTS_PATH).path("succeeded").asInt();
    }

    private Map<String, Long> kubeCounts(String apiUrl) {
        Map<String, Long> counts = new TreeMap<>();
        get(apiUrl + CountingDispatcher.COUNTS_PATH).path("requests").fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private Map<String, Long> remoteTotals(String simReport) {
        Map<String, Long> totals = new TreeMap<>();
        get(simReport + BenchSimulator.TOTALS_PATH).fields()
                .forEachRemaining(e -> totals.put(e.getKey(), e.getValue().asLong()));
        return totals;
    }

    /** One small request a second to the servers' own counters: no Kubernetes list, no load that shows. */
    private static boolean waitFor(java.util.function.BooleanSupplier done, long deadline) throws InterruptedException {
        while (System.currentTimeMillis() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return done.getAsBoolean();
    }

    private JsonNode get(String url) {
        try {
            return JSON.readTree(send(url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    /** Tries twice: the JDK's HTTP server closes a connection idle for 30 s, as one is after the quiet window. */
    private byte[] send(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
            } catch (IOException closedWhileIdle) {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    private static long writes(Map<String, Long> counts) {
        return sumWhere(counts, ScaleRun::isWriteKey);
    }

    private static boolean isWriteKey(String key) {
        return KubeRequest.isWrite(key.substring(0, key.indexOf(' ')));
    }

    private static long sumWhere(Map<String, Long> counts, Predicate<String> keep) {
        return counts.entrySet().stream().filter(e -> keep.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private static long sum(Map<String, Long> counts) {
        return sumWhere(counts, k -> true);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
