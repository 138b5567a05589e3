package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.ConfigMapKeyReference;
import dev.loraoperator.api.v1alpha1.ConfigSource;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.status.Outcome;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.TrainerException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a job is looked at again: by phase, never sooner than a second under a fault, never for a settled job. */
class ScheduleTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final OperatorSettings.Poll POLL = TestSettings.pointingAt("http://127.0.0.1:1").poll();

    static LoraTrainingJobSpec spec() {
        LoraTrainingJobSpec spec = new LoraTrainingJobSpec();
        spec.setGpuType(GpuType.ADA_80_PLUS);
        return spec;
    }

    static LoraTrainingJobStatus job(String remote, Phase phase, String syncedStatus, String syncedReason, Instant since) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setJobId("job-1");
        status.setRemoteStatus(remote);
        status.setPhase(phase);
        List<JobCondition> conditions = new ArrayList<>();
        conditions.add(new JobCondition("Accepted", "True", 1L, since.toString(), "Valid", ""));
        conditions.add(new JobCondition("Synced", syncedStatus, 1L, since.toString(), syncedReason, ""));
        status.setConditions(conditions);
        return status;
    }

    static Duration next(LoraTrainingJobStatus status, LoraTrainingJobSpec spec) {
        return Schedule.next(status, new Outcome.Nothing(), spec, POLL, 1, NOW);
    }

    @Test
    void queuedJobsAreReadLessOftenThanRunningOnesAndSettledOnesNotAtAll() {
        assertThat(next(job("IN_QUEUE", Phase.Queued, "True", "Synced", NOW), spec())).isEqualTo(POLL.queuedInterval());
        assertThat(next(job("RUNNING", Phase.Running, "True", "Synced", NOW), spec())).isEqualTo(POLL.runningInterval());
        assertThat(next(job("STOPPED", Phase.Succeeded, "True", "Synced", NOW), spec())).isNull();
        assertThat(next(job("CANCELED", Phase.Suspended, "True", "Synced", NOW), spec())).isNull();
    }

    @Test
    void whenTheRateLimitFallsShortEveryPollStretchesAlikeButDeadlinesRetriesAndBackoffDoNot() {
        double stretch = 2.5;
        assertThat(stretched(job("IN_QUEUE", Phase.Queued, "True", "Synced", NOW), spec(), stretch))
                .isEqualTo(Duration.ofSeconds(150));
        assertThat(stretched(job("RUNNING", Phase.Running, "True", "Synced", NOW), spec(), stretch))
                .isEqualTo(Duration.ofSeconds(50));
        // a fault's backoff, a deadline's cancel and a retry after missing input are not polls
        assertThat(stretched(job("RUNNING", Phase.Running, "False", "PollFailed", NOW.minusSeconds(3)), spec(), stretch))
                .isEqualTo(Duration.ofSeconds(4));
        LoraTrainingJobSpec capped = spec();
        capped.setActiveDeadlineSeconds(65L);
        LoraTrainingJobStatus running = job("RUNNING", Phase.Running, "True", "Synced", NOW);
        running.setActiveSeconds(0L);
        running.setActiveSince(NOW.minusSeconds(30).toString());
        assertThat(stretched(running, capped, stretch)).isEqualTo(Duration.ofSeconds(35));
        LoraTrainingJobStatus waiting = new LoraTrainingJobStatus();
        waiting.setConditions(List.of(new JobCondition("Accepted", "False", 1L, NOW.toString(), "MissingCredentials", "")));
        assertThat(stretched(waiting, spec(), stretch)).isEqualTo(POLL.retryInterval());
    }

    private static Duration stretched(LoraTrainingJobStatus status, LoraTrainingJobSpec spec, double stretch) {
        return Schedule.next(status, new Outcome.Nothing(), spec, POLL, stretch, NOW);
    }

    @Test
    void underAFaultTheWaitDoublesWithHowLongItLastedFromOneSecondToFiveMinutes() {
        for (long lasted : new long[] {0, 1, 3, 7, 15}) {
            LoraTrainingJobStatus failing = job("RUNNING", Phase.Running, "False", "PollFailed", NOW.minusSeconds(lasted));
            assertThat(next(failing, spec())).isEqualTo(Duration.ofSeconds(lasted + 1));
        }
        assertThat(next(job("RUNNING", Phase.Running, "False", "CancelFailed", NOW.minusSeconds(3600)), spec()))
                .isEqualTo(Duration.ofMinutes(5));
        // a state a person must change is not a fault: the ordinary poll
        assertThat(next(job("RUNNING", Phase.Running, "False", "ActiveJob", NOW.minusSeconds(3)), spec()))
                .isEqualTo(POLL.runningInterval());
    }

    @Test
    void anActiveJobIsLookedAtNoLaterThanItsDeadlineButNeverInALoop() {
        LoraTrainingJobSpec capped = spec();
        capped.setActiveDeadlineSeconds(65L);
        LoraTrainingJobStatus running = job("RUNNING", Phase.Running, "True", "Synced", NOW);
        running.setActiveSeconds(0L);
        running.setActiveSince(NOW.minusSeconds(60).toString());
        assertThat(next(running, capped)).isEqualTo(Duration.ofSeconds(5));
        running.setActiveSince(NOW.minusSeconds(100).toString());
        assertThat(next(running, capped)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aDeferredCallComesBackWhenTheApiSaysAndARemoteChangeAtOnce() {
        LoraTrainingJobStatus running = job("RUNNING", Phase.Running, "True", "Synced", NOW);
        assertThat(Schedule.next(running, new Outcome.Deferred(Duration.ofSeconds(7), "later"), spec(), POLL, 1, NOW))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(Schedule.next(running, new Outcome.Deferred(Duration.ZERO, "later"), spec(), POLL, 1, NOW))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(Schedule.next(running, new Outcome.Adopted("job-1", NOW, null, GpuType.ADA_80_PLUS, 1, "by hand"),
                spec(), POLL, 1, NOW)).isEqualTo(Schedule.AT_ONCE);
    }

    @Test
    void aJobWaitingForInputsIsLookedAtOnTheRetryIntervalAndAConfigMapIsReRead() {
        LoraTrainingJobStatus waiting = new LoraTrainingJobStatus();
        waiting.setPhase(Phase.Pending);
        waiting.setConditions(List.of(new JobCondition("Accepted", "False", 1L, NOW.toString(), "MissingCredentials", "")));
        assertThat(next(waiting, spec())).isEqualTo(POLL.retryInterval());
        LoraTrainingJobSpec fromConfigMap = spec();
        fromConfigMap.setConfigFrom(new ConfigSource(new ConfigMapKeyReference("cfg", "config.yaml")));
        assertThat(next(job("STOPPED", Phase.Succeeded, "True", "Synced", NOW), fromConfigMap))
                .isEqualTo(POLL.retryInterval());
    }

    @Test
    void aLookHeldBackByTheRateLimitComesBackOnceASlotIsFreeNeverSoonerThanTheFloorNorLaterThanPlanned() {
        assertThat(Schedule.afterHeldBack(Duration.ofSeconds(10), null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Schedule.afterHeldBack(Duration.ofSeconds(10), Duration.ofMillis(50))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Schedule.afterHeldBack(Duration.ofSeconds(10), Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(Schedule.afterHeldBack(Duration.ofSeconds(2), Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(2));
        assertThat(Schedule.afterHeldBack(null, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aSubmissionNeverSentIsTriedAgainWhenTheApiSaysOrOnTheRetryInterval() {
        LoraTrainingJobStatus none = new LoraTrainingJobStatus();
        none.setPhase(Phase.Pending);
        none.setConditions(List.of(new JobCondition("Accepted", "True", 1L, NOW.toString(), "Valid", "")));
        assertThat(next(none, notSent(dev.loraoperator.trainer.Outcome.NOT_PROCESSED, Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(next(none, notSent(dev.loraoperator.trainer.Outcome.NOT_PROCESSED, null))).isEqualTo(POLL.retryInterval());
        assertThat(next(none, notSent(dev.loraoperator.trainer.Outcome.NOT_PROCESSED, Duration.ZERO))).isEqualTo(Duration.ofSeconds(1));
        assertThat(next(none, notSent(dev.loraoperator.trainer.Outcome.REFUSED, Duration.ofSeconds(7))))
                .as("refused: only a change of the spec or the Secret starts it again").isNull();
    }

    @Test
    void aFollowedJobWhoseCredentialsAreMissingIsLookedAtOnTheRetryInterval() {
        LoraTrainingJobStatus noSecret = job("STOPPED", Phase.Succeeded, "False", "MissingCredentials", NOW);
        assertThat(next(noSecret, spec())).isEqualTo(POLL.retryInterval());
        LoraTrainingJobStatus held = job("STOPPED", Phase.Succeeded, "False", "ConfigNameChanged", NOW);
        assertThat(next(held, spec())).as("waits for a spec change").isNull();
    }

    static Duration next(LoraTrainingJobStatus status, Outcome outcome) {
        return Schedule.next(status, outcome, spec(), POLL, 1, NOW);
    }

    static Outcome notSent(dev.loraoperator.trainer.Outcome outcome, Duration retryAfter) {
        return new Outcome.SubmissionFailed(new Outcome.SubmissionPending("a1", NOW, DeciderTest.CONFIG,
                GpuType.ADA_80_PLUS, 1, false), new TrainerException(Operation.SUBMIT, outcome, 429, "429", "slow down",
                        retryAfter), "f1");
    }
}
