package dev.loraoperator.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak resident memory of a process, as Linux keeps them in /proc. */
record ProcStats(double cpuSeconds, long peakRssKib, long rssKib) {

    // USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every Linux this runs on
    private static final double TICKS_PER_SECOND = 100.0;

    static ProcStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // fields after the command name, which is in parentheses and may itself hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime
            long hwm = 0;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                } else if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                }
            }
            return new ProcStats(cpu, hwm, rss);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc for process " + pid + " (Linux only)", e);
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
