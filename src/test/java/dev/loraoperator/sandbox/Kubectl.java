package dev.loraoperator.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl binary against the sandbox, as a user in another terminal would. */
final class Kubectl {

    record Result(int exitCode, String out, String err) {
        Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("kubectl failed (" + exitCode + "): " + err + out);
            }
            return this;
        }
    }

    private final Path binary;
    private final Path kubeconfig;
    private final Path cacheDir;

    Kubectl(Path binary, Path kubeconfig, Path cacheDir) {
        this.binary = binary;
        this.kubeconfig = kubeconfig;
        this.cacheDir = cacheDir;
    }

    Result run(String... args) {
        Process p = launch(null, args);
        try {
            if (!p.waitFor(150, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** For long-running commands such as {@code get -w}: output goes to a file the caller reads. */
    Process start(Path output, String... args) {
        return launch(ProcessBuilder.Redirect.to(output.toFile()), args);
    }

    private Process launch(ProcessBuilder.Redirect output, String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (output != null) {
            builder.redirectOutput(output).redirectErrorStream(true);
        }
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        // a cache of our own: discovery cached from another sandbox run must not leak into this one
        builder.environment().put("KUBECACHEDIR", cacheDir.toString());
        try {
            Files.createDirectories(cacheDir);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        }
    }
}
