package dev.loraoperator.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the operator's unified GC log (-Xlog:gc): the largest heap left after a collection, which is what the heap
 * must hold at least, read without touching the process while it runs.
 */
record GcLog(int collections, double peakHeapAfterGcMib, double lastHeapAfterGcMib, boolean outOfMemory) {

    // e.g. "[3.210s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 98M->31M(256M) 4.123ms"
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause.* (\\d+)([KMG])->(\\d+)([KMG])\\(");

    static GcLog read(Path file, Path operatorLog) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            int count = 0;
            double peak = 0;
            double last = 0;
            for (String line : lines) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    count++;
                    last = mib(Long.parseLong(m.group(3)), m.group(4));
                    peak = Math.max(peak, last);
                }
            }
            boolean oom = Files.exists(operatorLog)
                    && Files.readString(operatorLog).contains("OutOfMemoryError");
            return new GcLog(count, peak, last, oom);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static double mib(long value, String unit) {
        return switch (unit) {
            case "K" -> value / 1024.0;
            case "G" -> value * 1024.0;
            default -> value;
        };
    }
}
