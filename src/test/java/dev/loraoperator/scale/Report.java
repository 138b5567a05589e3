package dev.loraoperator.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The results of every run so far as one Markdown page: the machine, a summary row per N, Kubernetes requests. */
final class Report {

    private Report() {
    }

    static String markdown(List<RunResult> runs, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine).append("\n\n");
        md.append("| jobs | poll s | rate /s | created s | all submitted s (bound) | dup. submits | status reads/job ÷ min"
                + " | result reads/job (≤ ckpt+1) | calls ÷ min | K8s writes/job | quiet writes (s) | quiet calls"
                + " | staleness p50 / p99 s | heap after GC MiB (-Xmx) | RSS peak MiB | CPU ms/job op / API / sim |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : runs) {
            md.append(String.format(Locale.ROOT,
                    "| %d%s | %s | %s | %.1f | %.1f (%.1f) | %d | %.2f ÷ %.2f = %.2f | %.2f (%.2f) | %.2f | %.2f | %d (%s)"
                            + " | %d | %.1f / %.1f | %.0f (%s)%s | %.0f | %.1f / %.1f / %.1f |\n",
                    r.jobs(), r.timedOut() ? " (timed out: " + r.succeeded() + " Succeeded)" : "", num(r.pollSeconds()),
                    num(r.requestsPerSecond()), r.createSeconds(), r.burstSeconds(), r.burstBoundSeconds(), r.duplicateSubmits(),
                    r.statusReadsPerJob(), r.statusMinimumPerJob(), r.statusOverMinimum(), r.resultReadsPerJob(),
                    r.resultBoundPerJob(), r.callsOverMinimum(), r.kubeWritesPerJob(), r.quietKubeWrites(),
                    num(r.quietSeconds()), r.quietRemoteCalls(), r.stalenessP50(), r.stalenessP99(),
                    r.peakHeapAfterGcMib(), r.xmx(), r.outOfMemory() ? ", OutOfMemoryError" : "",
                    r.operatorPeakRssMib(), r.cpuMsPerJobOperator(), r.cpuMsPerJobApiServer(),
                    r.cpuMsPerJobSimulator()));
        }
        Set<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(r.kubeRequestsPerJob().keySet()));
        md.append("\nKubernetes requests of the operator per job, by verb and resource (counted at the API server):\n\n");
        md.append("| verb resource |");
        runs.forEach(r -> md.append(" ").append(r.jobs()).append(" jobs |"));
        md.append("\n|---|");
        runs.forEach(r -> md.append("---|"));
        md.append("\n");
        for (String key : keys) {
            md.append("| ").append(key).append(" |");
            runs.forEach(r -> md.append(" ").append(num(r.kubeRequestsPerJob().getOrDefault(key, 0.0))).append(" |"));
            md.append("\n");
        }
        return md.toString();
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
