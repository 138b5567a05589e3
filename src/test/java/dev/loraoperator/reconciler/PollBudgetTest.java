package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How far the rate limit stretches every poll interval, at, below and above what the active jobs need. */
class PollBudgetTest {
    static final Duration QUEUED = Duration.ofSeconds(60);
    static final Duration RUNNING = Duration.ofSeconds(20);

    /** The default settings: 5 requests/s, of which 4 for polls. */
    static PollBudget budget(int queued, int running) {
        return new PollBudget(queued, running, QUEUED, RUNNING, 5);
    }

    @Test
    void atTheLimitEveryJobIsPolledAtItsConfiguredInterval() {
        // 80 running jobs every 20 s are 4 reads a second: 80 % of 5
        assertThat(budget(0, 80).neededRate()).isEqualTo(5.0);
        assertThat(budget(0, 80).stretch()).isEqualTo(1.0);
        // 60 queued every 60 s and 60 running every 20 s: 1 + 3 reads a second
        assertThat(budget(60, 60).stretch()).isEqualTo(1.0);
        assertThat(budget(0, 80).stretched(RUNNING)).isEqualTo(RUNNING);
    }

    @Test
    void belowTheLimitNothingStretchesAndNoJobIsPolledMoreOftenThanConfigured() {
        assertThat(budget(0, 0).stretch()).isEqualTo(1.0);
        assertThat(budget(100, 10).stretch()).isEqualTo(1.0);
        assertThat(budget(100, 10).stretched(QUEUED)).isEqualTo(QUEUED);
    }

    @Test
    void aboveTheLimitEveryIntervalStretchesByTheSameFactorSoThePollsFitTheirShareOfTheRate() {
        PollBudget over = budget(0, 100); // 5 reads a second where 4 fit
        assertThat(over.stretch()).isEqualTo(1.25);
        assertThat(over.stretched(RUNNING)).isEqualTo(Duration.ofSeconds(25));
        assertThat(over.stretched(QUEUED)).isEqualTo(Duration.ofSeconds(75));

        PollBudget mixed = budget(600, 200); // 10 + 10 reads a second where 4 fit
        assertThat(mixed.stretch()).isEqualTo(5.0);
        double stretchedReads = 600 / 300.0 + 200 / 100.0;
        assertThat(stretchedReads).as("what polling at the stretched intervals costs").isEqualTo(4.0);
    }

    @Test
    void aStretchIsReportedWhenItBeginsEndsOrMovesByAQuarterNotOnEveryJob() {
        assertThat(PollBudget.worthReporting(1, 1)).isFalse();
        assertThat(PollBudget.worthReporting(1, 1.01)).as("polls became late").isTrue();
        assertThat(PollBudget.worthReporting(1.01, 1.2)).isFalse();
        assertThat(PollBudget.worthReporting(1.01, 1.27)).isTrue();
        assertThat(PollBudget.worthReporting(4, 3.3)).isFalse();
        assertThat(PollBudget.worthReporting(4, 3.2)).as("shrunk by a quarter").isTrue();
        assertThat(PollBudget.worthReporting(1.1, 1)).as("on time again").isTrue();
    }

    @Test
    void theReportSaysHowManyJobsNeedWhatRateAndWhatToRaise() {
        assertThat(budget(30, 100).report()).isEqualTo("130 active jobs (30 queued, 100 running) need 6.88 requests/s "
                + "of the Trainer API to be polled every 60s (queued) and 20s (running), with 80 % of the rate for "
                + "polls and the rest for submits, cancels and result reads; the rate limit is 5/s, so every poll "
                + "interval is stretched ×1.38 (queued 82.5s, running 27.5s). To poll on time, raise "
                + "lora-operator.trainer.requests-per-second (LORA_OPERATOR_TRAINER_REQUESTS_PER_SECOND, Helm value "
                + "trainer.requestsPerSecond) to at least 7, if the RunComfy account allows it, or split the jobs "
                + "between shards (docs/install.md, \"Sharding\").");
        assertThat(budget(0, 10).report()).endsWith("the rate limit is 5/s, so every job is polled on time again.");
    }
}
