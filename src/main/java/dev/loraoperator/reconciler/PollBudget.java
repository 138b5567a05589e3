package dev.loraoperator.reconciler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether the Trainer API rate limit can poll every active job at its configured interval, and if not, by how much
 * every poll interval stretches so that all jobs are polled equally late instead of some not at all; pure.
 */
record PollBudget(int queued, int running, Duration queuedInterval, Duration runningInterval,
        double requestsPerSecond) {
    /**
     * The share of the rate limit that polls may plan on. The rest stays free for submits, cancels, resumes and
     * edits (which the rate limiter lets go first anyway), for /result reads at save points, and for retries.
     */
    static final double POLL_SHARE = 0.8;
    /** A stretch is logged again only once it has grown or shrunk by this factor: a few lines a ramp, not one a job. */
    static final double REPORT_STEP = 1.25;

    /** Status reads per second that polling every active job at its configured interval takes. */
    double pollsPerSecond() {
        return queued / secondsOf(queuedInterval) + running / secondsOf(runningInterval);
    }

    /** The rate limit that polls every active job on time and keeps the headroom. */
    double neededRate() {
        return pollsPerSecond() / POLL_SHARE;
    }

    /** The factor every poll interval is multiplied by: 1 while the rate limit suffices, need ÷ limit beyond. */
    double stretch() {
        return Math.max(1, neededRate() / requestsPerSecond);
    }

    /** {@code interval} stretched by {@link #stretch()}. */
    Duration stretched(Duration interval) {
        return stretched(interval, stretch());
    }

    static Duration stretched(Duration interval, double stretch) {
        return stretch <= 1 ? interval : Duration.ofMillis(Math.round(interval.toMillis() * stretch));
    }

    /**
     * Whether a change from the stretch last reported deserves a line: polls became late, became on time again, or
     * the stretch moved by a {@link #REPORT_STEP} either way.
     */
    static boolean worthReporting(double lastReported, double now) {
        if (lastReported <= 1 || now <= 1) {
            return lastReported <= 1 != now <= 1;
        }
        return Math.max(now / lastReported, lastReported / now) >= REPORT_STEP;
    }

    /** What an operator reads in the log: how many jobs need what rate, what the limit is, and what to change. */
    String report() {
        String need = String.format(Locale.ROOT, "%d active jobs (%d queued, %d running) need %s requests/s of the "
                + "Trainer API to be polled every %s (queued) and %s (running), with %d %% of the rate for polls and "
                + "the rest for submits, cancels and result reads; the rate limit is %s/s", queued + running, queued,
                running, number(neededRate()), shown(queuedInterval), shown(runningInterval),
                Math.round(POLL_SHARE * 100), number(requestsPerSecond));
        if (stretch() <= 1) {
            return need + ", so every job is polled on time again.";
        }
        return need + String.format(Locale.ROOT, ", so every poll interval is stretched ×%s (queued %s, running "
                + "%s). To poll on time, raise lora-operator.trainer.requests-per-second "
                + "(LORA_OPERATOR_TRAINER_REQUESTS_PER_SECOND, Helm value trainer.requestsPerSecond) to at least %s, "
                + "if the RunComfy account allows it, or split the jobs between shards (docs/install.md, \"Sharding\").",
                number(stretch()), shown(stretched(queuedInterval)), shown(stretched(runningInterval)),
                number(Math.ceil(neededRate())));
    }

    private static double secondsOf(Duration interval) {
        return Math.max(1, interval.toMillis()) / 1000.0;
    }

    private static String shown(Duration interval) {
        return number(interval.toMillis() / 1000.0) + "s";
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
