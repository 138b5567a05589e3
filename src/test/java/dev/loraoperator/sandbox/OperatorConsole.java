package dev.loraoperator.sandbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which lines of the operator's log the sandbox console shows, and how: the Events it records, and its errors in
 * one line each with where to read the rest. Reads the format {@link OperatorProcess} sets:
 * {@code HH:mm:ss LEVEL [category] message}.
 */
final class OperatorConsole {

    /** The format given to the operator, so that categories arrive whole and levels are easy to find. */
    static final String LOG_FORMAT = "%d{HH:mm:ss} %-5p [%c] %s%e%n";

    // the category of the operator's Event log lines, full length thanks to LOG_FORMAT
    private static final String EVENT_CATEGORY = "[dev.loraoperator.events.EventRecorder] ";
    private static final Pattern ERROR = Pattern.compile("^\\S+ ERROR \\[([^\\]]+)] (.*)$");
    private static final int MAX_MESSAGE = 300;

    private final String logFile;

    OperatorConsole(String logFile) {
        this.logFile = logFile;
    }

    /** The console line for a log line, if it deserves one; stack trace lines never do (they stay in the log). */
    Optional<String> lineFor(String logLine) {
        int at = logLine.indexOf(EVENT_CATEGORY);
        if (at >= 0) {
            return Optional.of("operator: " + logLine.substring(at + EVENT_CATEGORY.length()));
        }
        Matcher error = ERROR.matcher(logLine);
        if (error.matches()) {
            String message = error.group(2).length() > MAX_MESSAGE
                    ? error.group(2).substring(0, MAX_MESSAGE) + "..." : error.group(2);
            return Optional.of("operator ERROR [" + shortCategory(error.group(1)) + "] " + message
                    + " (full log: " + logFile + ")");
        }
        return Optional.empty();
    }

    /** io.javaoperatorsdk.operator.Operator reads as i.j.o.Operator, as Quarkus abbreviates it on its own console. */
    private static String shortCategory(String category) {
        String[] parts = category.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            out.append(parts[i].isEmpty() ? "" : parts[i].substring(0, 1)).append('.');
        }
        return out.append(parts[parts.length - 1]).toString();
    }
}
