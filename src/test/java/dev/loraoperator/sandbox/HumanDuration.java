package dev.loraoperator.sandbox;

import java.time.Duration;

/**
 * Ages as kubectl shows them ("45s", "3m12s", "2d5h"): the API server turns date columns into such text, so the
 * sandbox must too. Same rounding steps as Kubernetes' own duration formatting.
 */
final class HumanDuration {

    private HumanDuration() {
    }

    static String of(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";  // a clock a second apart is "now"
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return withRest(minutes, "m", seconds % 60, "s");
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return withRest(hours, "h", minutes % 60, "m");
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return withRest(hours / 24, "d", hours % 24, "h");
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        if (hours < 24 * 365 * 8) {
            return withRest(hours / 24 / 365, "y", hours / 24 % 365, "d");
        }
        return hours / 24 / 365 + "y";
    }

    private static String withRest(long big, String bigUnit, long rest, String restUnit) {
        return rest == 0 ? big + bigUnit : big + bigUnit + rest + restUnit;
    }
}
