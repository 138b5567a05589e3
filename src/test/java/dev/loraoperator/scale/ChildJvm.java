package dev.loraoperator.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A main class of this classpath run in a JVM of its own, so that its CPU time and memory can be read apart from
 * the benchmark's; its first line of output is its address, the rest goes to a log file.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final String firstLine;

    private ChildJvm(Process process, String firstLine) {
        this.process = process;
        this.firstLine = firstLine;
    }

    static ChildJvm start(Class<?> main, List<String> jvmArgs, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> first = new CompletableFuture<>();
            Thread pump = new Thread(() -> copy(process, log, first), main.getSimpleName() + "-log");
            pump.setDaemon(true);
            pump.start();
            String line = first.get(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException(main.getSimpleName() + " exited at start; see " + log);
            }
            return new ChildJvm(process, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(main.getSimpleName() + " did not start; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String firstLine() {
        return firstLine;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Process process, Path log, CompletableFuture<String> first) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                // a JVM announces JAVA_TOOL_OPTIONS and the like before the main runs: not the address
                if (!first.isDone() && (line.startsWith("http://") || line.startsWith("https://"))) {
                    first.complete(line);
                }
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // the child is gone; its log ends here
        } finally {
            first.complete(null);
        }
    }
}
