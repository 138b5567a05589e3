package dev.loraoperator.scale;

import dev.loraoperator.simulator.SimulatorCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's knobs ({@link #USAGE}). A job lives {@code queue + steps / stepsPerSecond}; the rate defaults to
 * twice what polling every active job once per interval needs, so the rate limit is not what is measured.
 */
record BenchOptions(List<Integer> jobs, Duration poll, Double requestsPerSecond, Duration quiet, String xmx,
        Duration queue, double stepsPerSecond, int steps, int saveEvery, Path out) {

    static final String USAGE = "usage: ScaleBenchmark [--jobs 2000 | --jobs 100,500,2000] [--poll 10s] [--rate <req/s>]"
            + " [--quiet 60s] [--xmx 256m] [--queue 10s] [--steps-per-second 10] [--steps 200] [--save-every 50]"
            + " [--out target/benchmark]";

    private static final Set<String> OPTIONS = Set.of("--jobs", "--poll", "--rate", "--quiet", "--xmx", "--queue",
            "--steps-per-second", "--steps", "--save-every", "--out");

    static BenchOptions parse(String... args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            o.put(args[i], args[i + 1]);
        }
        List<Integer> jobs = Arrays.stream(o.getOrDefault("--jobs", "2000").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        if (jobs.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--jobs must be positive");
        }
        return new BenchOptions(jobs, SimulatorCli.duration(o.getOrDefault("--poll", "10s")),
                o.containsKey("--rate") ? Double.valueOf(o.get("--rate")) : null,
                SimulatorCli.duration(o.getOrDefault("--quiet", "60s")), o.getOrDefault("--xmx", "256m"),
                SimulatorCli.duration(o.getOrDefault("--queue", "10s")),
                Double.parseDouble(o.getOrDefault("--steps-per-second", "10")),
                Integer.parseInt(o.getOrDefault("--steps", "200")),
                Integer.parseInt(o.getOrDefault("--save-every", "50")),
                Path.of(o.getOrDefault("--out", "target/benchmark")));
    }

    /** The Trainer API rate for {@code n} jobs: as given, else twice one status read per job per poll interval. */
    double rateFor(int n) {
        return requestsPerSecond != null ? requestsPerSecond
                : Math.max(20, Math.ceil(2.0 * n / (poll.toMillis() / 1000.0)));
    }

    /** How long one simulated job lives, queue included. */
    Duration jobLifetime() {
        return queue.plusMillis((long) (steps * 1000 / stepsPerSecond));
    }
}
