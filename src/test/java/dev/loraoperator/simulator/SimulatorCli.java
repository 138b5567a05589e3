package dev.loraoperator.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line that runs the simulator as a sandbox for GitOps trials that spend nothing on GPUs. */
public final class SimulatorCli {

    static final String USAGE = "usage: TrainerSimulator [--host 127.0.0.1] [--port 8089] [--token sandbox-token]"
            + " [--queue 5s] [--steps-per-second 20] [--preempt-at 0.5] [--dataset-check 2s]"
            + " [--fail-datasets-with bad.jpg]";

    private static final Set<String> OPTIONS =
            Set.of("--host", "--port", "--token", "--queue", "--steps-per-second", "--preempt-at", "--dataset-check",
                    "--fail-datasets-with");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private SimulatorCli() {
    }

    static void main(String[] args) {
        TrainerSimulator sim;
        try {
            sim = launch(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        // one line, so a script can read the URL; the server's own non-daemon thread keeps the JVM alive
        System.out.println(sim.baseUrl());
    }

    static TrainerSimulator launch(String[] args) {
        Map<String, String> options = parse(args);
        Timeline timeline = new Timeline(duration(options.getOrDefault("--queue", "5s")),
                Double.parseDouble(options.getOrDefault("--steps-per-second", "20")));
        TrainerSimulator sim = TrainerSimulator.start(options.getOrDefault("--host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("--port", "8089")),
                options.getOrDefault("--token", "sandbox-token"), timeline, Clock.systemUTC());
        sim.datasetCheckTime(duration(options.getOrDefault("--dataset-check", "2s")));
        sim.failDatasetsWithFile(options.get("--fail-datasets-with"));
        if (options.containsKey("--preempt-at")) {
            sim.preemptEveryJobOnceAt(Double.parseDouble(options.get("--preempt-at")));
        }
        return sim;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** Accepts 250ms, 5s, 2m, 1h, or ISO-8601 such as PT5S. */
    public static Duration duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        if (!m.matches()) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
