package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real helm, kubectl and lua5.1 that .ci/install-tools.sh put into the folder Maven names. */
final class Tools {
    static final Path BIN = Path.of(System.getProperty("lora.tools.bin", "target/tools/bin"));
    private static final Path HELM_HOME = Path.of("target", "helm-home").toAbsolutePath();

    private Tools() {
    }

    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** A missing tool fails the test (never skips it): CI must not pass without having run these checks. */
    static Path binary(String name) {
        Path binary = BIN.resolve(name);
        if (!Files.isExecutable(binary)) {
            fail(name + " not found in " + BIN.toAbsolutePath() + ": run .ci/install-tools.sh (Maven runs it "
                    + "before the tests; -Dlora.tools.bin=<folder> points the tests at another folder)");
        }
        return binary;
    }

    static Result run(String tool, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary(tool).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        // Keep helm and kubectl away from the user's own configuration, clusters and caches.
        env.put("HELM_CACHE_HOME", HELM_HOME.resolve("cache").toString());
        env.put("HELM_CONFIG_HOME", HELM_HOME.resolve("config").toString());
        env.put("HELM_DATA_HOME", HELM_HOME.resolve("data").toString());
        env.put("KUBECONFIG", HELM_HOME.resolve("no-kubeconfig").toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String runOk(String tool, List<String> args) {
        Result result = run(tool, args);
        if (!result.ok()) {
            fail(tool + " " + String.join(" ", args) + " failed (exit " + result.exitCode() + "):\n" + result.stderr()
                    + result.stdout());
        }
        return result.stdout();
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
