package dev.loraoperator.sandbox;

import dev.loraoperator.simulator.SimulatorCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The sandbox's command line: fixed local ports (0: any free one, reported when ready) and a fast Trainer timeline
 * by default, every one overridable.
 */
record SandboxOptions(int apiPort, int simulatorPort, int operatorHttpPort, int filesPort, String token, Duration queue,
        double stepsPerSecond, Path dir, Path operatorJar, Path crds, Path toolsBin) {

    static final String OPERATOR_NAMESPACE = "lora-training-operator";
    static final String SECRET_NAME = "runcomfy-credentials";
    static final String SECRET_KEY = "token";

    static final String USAGE = "usage: Sandbox [--api-port 8443] [--simulator-port 8089] [--operator-http-port 8090]"
            + " [--files-port 8091] [--token sandbox-token] [--queue 3s] [--steps-per-second 25] [--dir target/sandbox]"
            + " [--operator-jar target/quarkus-app/quarkus-run.jar] [--crds crds]"
            + " [--tools-bin target/tools/bin]";

    static SandboxOptions parse(String... args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].isBlank()) {
                continue;  // Maven passes an empty argument when sandbox.args is empty
            }
            if (!args[i].startsWith("--") || !USAGE.contains("[" + args[i] + " ") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            o.put(args[i], args[++i]);
        }
        return new SandboxOptions(port(o, "--api-port", 8443), port(o, "--simulator-port", 8089),
                port(o, "--operator-http-port", 8090), port(o, "--files-port", 8091), o.getOrDefault("--token", "sandbox-token"),
                SimulatorCli.duration(o.getOrDefault("--queue", "3s")),
                Double.parseDouble(o.getOrDefault("--steps-per-second", "25")),
                Path.of(o.getOrDefault("--dir", "target/sandbox")).toAbsolutePath(),
                Path.of(o.getOrDefault("--operator-jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath(),
                Path.of(o.getOrDefault("--crds", "crds")).toAbsolutePath(),
                Path.of(o.getOrDefault("--tools-bin", "target/tools/bin")).toAbsolutePath());
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        int port = Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), or 0 for any free one");
        }
        return port;
    }
}
