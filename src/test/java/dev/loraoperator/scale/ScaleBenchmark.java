package dev.loraoperator.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The scale benchmark ({@code mvn -B -Pbenchmark verify -Dbenchmark.args="--jobs 100,500"}, see
 * docs/performance.md): one run per N, each writing {@code n-<N>/result.json}; then every result in the output
 * folder, from this and earlier invocations, goes into {@code results.md} and {@code chart.png}.
 */
public final class ScaleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScaleBenchmark() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            run(options);
        } catch (RuntimeException | InterruptedException e) {
            e.printStackTrace();
            status = 1;
        }
        // the children are stopped by now; leftover client threads must not keep the JVM (and Maven) waiting
        System.exit(status);
    }

    private static void run(BenchOptions options) throws InterruptedException {
        String machine = machine();
        System.out.println("Scale benchmark on " + machine);
        for (int n : options.jobs()) {
            System.out.printf("%d jobs:%n", n);
            RunResult result = new ScaleRun(options, n, System.out).run();
            write(options.out().resolve("n-" + n).resolve("result.json"), result);
        }
        List<RunResult> all = readAll(options.out());
        String markdown = Report.markdown(all, machine);
        Report.write(options.out().resolve("results.md"), markdown);
        ChartPng.write(options.out().resolve("chart.png"), all);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written: " + options.out().resolve("results.md") + ", " + options.out().resolve("chart.png"));
    }

    /** Cores, memory, Java, and the load when the benchmark began: other work on the machine shows in it. */
    static String machine() {
        String memory = "?";
        String load = "?";
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            // not Linux: say so in the figures rather than fail
        }
        return String.format(Locale.ROOT, "%d cores, %s memory, Java %s (%s), load average %s at start",
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), load);
    }

    private static void write(Path file, RunResult result) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static List<RunResult> readAll(Path out) {
        try (Stream<Path> dirs = Files.list(out)) {
            return dirs.map(d -> d.resolve("result.json")).filter(Files::isRegularFile).map(f -> {
                try {
                    return JSON.readValue(f.toFile(), RunResult.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            }).sorted(Comparator.comparingInt(RunResult::jobs)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out, e);
        }
    }
}
