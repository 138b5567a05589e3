package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.T0;
import static dev.loraoperator.status.StatusFixture.conditions;
import static dev.loraoperator.status.StatusFixture.control;
import static dev.loraoperator.status.StatusFixture.following;
import static dev.loraoperator.status.StatusFixture.resumable;
import static dev.loraoperator.status.StatusFixture.spec;
import static dev.loraoperator.status.StatusFixture.withDeadline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a job is over, how long it has been active, and whether its remote state may change by itself. */
class LifecycleTest {

    @ParameterizedTest
    @CsvSource({"Succeeded, true", "Failed, true", "Canceled, true", "Invalid, true", "Pending, false",
        "Queued, false", "Running, false", "Suspended, false", "Unknown, false"})
    void aJobIsOverOnceItEndedForGood(Phase phase, boolean over) {
        assertThat(Lifecycle.isOver(following("STOPPED", phase), spec(), T0)).isEqualTo(over);
    }

    @Test
    void anInterruptedJobIsOverWhenNoResumeIsLeftOrItsActiveTimeIsUsedUp() {
        LoraTrainingJobStatus interrupted = following("STOPPED", Phase.Interrupted);
        assertThat(Lifecycle.isOver(interrupted, spec(), T0)).as("no auto-resume configured").isTrue();
        assertThat(Lifecycle.isOver(interrupted, resumable(1), T0)).isFalse();
        interrupted.setResumeCount(1);
        assertThat(Lifecycle.isOver(interrupted, resumable(1), T0)).isTrue();
        assertThat(Lifecycle.resumesLeft(interrupted, resumable(3))).isEqualTo(2);
        interrupted.setResumeCount(5);
        assertThat(Lifecycle.resumesLeft(interrupted, resumable(3))).isZero();
        LoraTrainingJobStatus late = following("STOPPED", Phase.Interrupted);
        late.setActiveSeconds(100L);
        var both = resumable(1);
        both.setActiveDeadlineSeconds(100L);
        assertThat(Lifecycle.isOver(late, both, T0)).isTrue();
        both.setActiveDeadlineSeconds(101L);
        assertThat(Lifecycle.isOver(late, both, T0)).isFalse();
    }

    @Test
    void activeTimeAddsTheStoredSecondsAndTheCurrentStretch() {
        LoraTrainingJobStatus status = following("RUNNING", Phase.Running);
        assertThat(Lifecycle.activeTime(status, T0)).isEqualTo(Duration.ZERO);
        status.setActiveSeconds(40L);
        assertThat(Lifecycle.activeTime(status, T0)).isEqualTo(Duration.ofSeconds(40));
        status.setActiveSince(Times.format(T0));
        assertThat(Lifecycle.activeTime(status, T0.plusSeconds(20))).isEqualTo(Duration.ofSeconds(60));
        assertThat(Lifecycle.activeTime(status, T0.minusSeconds(20))).as("a clock behind the stored time")
                .isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void theDeadlinePassesTheMomentTheActiveTimeReachesIt() {
        LoraTrainingJobStatus status = following("RUNNING", Phase.Running);
        status.setActiveSeconds(0L);
        status.setActiveSince(Times.format(T0));
        assertThat(Lifecycle.untilDeadline(spec(), status, T0)).isNull();
        assertThat(Lifecycle.deadlinePassed(spec(), status, T0.plusSeconds(100_000))).isFalse();
        assertThat(Lifecycle.untilDeadline(withDeadline(60), status, T0.plusSeconds(45))).isEqualTo(Duration.ofSeconds(15));
        assertThat(Lifecycle.deadlinePassed(withDeadline(60), status, T0.plusSeconds(59))).isFalse();
        assertThat(Lifecycle.deadlinePassed(withDeadline(60), status, T0.plusSeconds(60))).isTrue();
        assertThat(Lifecycle.deadlinePassed(withDeadline(60), status, T0.plusSeconds(61))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"IN_QUEUE, true", "RESUMING, true", "RUNNING, true", "WARMING_UP, true", "STOPPED, false",
        "FAILED, false", "CANCELED, false"})
    void aJobThatMayStillChangeByItselfIsLookedAt(String remote, boolean look) {
        assertThat(Lifecycle.needsLook(following(remote, Phase.Running))).isEqualTo(look);
    }

    @Test
    void aSettledJobIsLookedAtAgainOnlyForAnUnconfirmedControlOrAFailedRead() {
        LoraTrainingJobStatus canceled = following("CANCELED", Phase.Suspended);
        assertThat(Lifecycle.needsLook(canceled)).isFalse();
        canceled.setLastControl(control(ControlAction.Resume, ControlCause.Unsuspend, ControlState.Sent));
        assertThat(Lifecycle.needsLook(canceled)).isTrue();
        canceled.getLastControl().setState(ControlState.Requested);
        assertThat(Lifecycle.needsLook(canceled)).isTrue();
        canceled.getLastControl().setState(ControlState.Refused);
        assertThat(Lifecycle.needsLook(canceled)).isFalse();
        canceled.getLastControl().setState(ControlState.Done);
        assertThat(Lifecycle.needsLook(canceled)).isFalse();
        canceled.setConditions(conditions("Synced", "False", "PollFailed", "could not read"));
        assertThat(Lifecycle.needsLook(canceled)).isTrue();
        LoraTrainingJobStatus none = new LoraTrainingJobStatus();
        none.setConditions(conditions("Synced", "False", "PollFailed", "could not read"));
        assertThat(Lifecycle.needsLook(none)).as("no remote job: nothing to read").isFalse();
    }

    @Test
    void activeTimeStartsWhenTheJobIsQueuedOrRunningAndStopsWhenItIsNot() {
        LoraTrainingJobStatus status = following("IN_QUEUE", Phase.Queued);
        status.setSubmittedAt(null);
        Lifecycle.account(status, T0);
        assertThat(status.getActiveSince()).isEqualTo("2026-06-01T10:00:00Z");
        assertThat(status.getActiveSeconds()).isZero();
        Lifecycle.account(status, T0.plusSeconds(30));
        assertThat(status.getActiveSince()).as("a running stretch keeps its start").isEqualTo("2026-06-01T10:00:00Z");
        status.setRemoteStatus("STOPPED");
        Lifecycle.account(status, T0.plusSeconds(90));
        assertThat(status.getActiveSince()).isNull();
        assertThat(status.getActiveSeconds()).isEqualTo(90L);
        Lifecycle.account(status, T0.plusSeconds(500));
        assertThat(status.getActiveSeconds()).as("stopped time does not count").isEqualTo(90L);
        status.setRemoteStatus("RUNNING");
        Lifecycle.account(status, T0.plusSeconds(1000));
        assertThat(status.getActiveSince()).isEqualTo("2026-06-01T10:16:40Z");
        assertThat(status.getActiveSeconds()).as("resumed: earlier time kept").isEqualTo(90L);
    }

    @Test
    void aStretchClosedWithAClockBehindItsStartAddsNothing() {
        LoraTrainingJobStatus status = following("STOPPED", Phase.Interrupted);
        status.setActiveSeconds(10L);
        status.setActiveSince(Times.format(T0.plusSeconds(60)));
        Lifecycle.account(status, T0);
        assertThat(status.getActiveSeconds()).isEqualTo(10L);
        status.setActiveSeconds(null);
        status.setActiveSince(Times.format(T0));
        Lifecycle.account(status, T0.plusSeconds(5));
        assertThat(status.getActiveSeconds()).isEqualTo(5L);
    }

    @Test
    void aStatusFromBeforeActiveTimeWasTrackedCountsFromTheSubmission() {
        LoraTrainingJobStatus legacy = following("RUNNING", Phase.Running);
        legacy.setSubmittedAt("2026-06-01T09:00:00Z");
        Lifecycle.account(legacy, T0);
        assertThat(legacy.getActiveSince()).isEqualTo("2026-06-01T09:00:00Z");
        assertThat(legacy.getActiveSeconds()).isZero();
        LoraTrainingJobStatus tracked = following("RUNNING", Phase.Running);
        tracked.setActiveSeconds(30L);
        Lifecycle.account(tracked, T0);
        assertThat(tracked.getActiveSince()).as("tracked before: the stretch starts now").isEqualTo("2026-06-01T10:00:00Z");
        assertThat(tracked.getActiveSeconds()).isEqualTo(30L);
    }

    @Test
    void timeCountsOnlyForAFollowedJobWithAKnownOrUnknownActiveState() {
        LoraTrainingJobStatus noStatus = following(null, Phase.Pending);
        Lifecycle.account(noStatus, T0);
        assertThat(noStatus.getActiveSince()).isNull();
        LoraTrainingJobStatus noJob = following("RUNNING", Phase.Running);
        noJob.setJobId(null);
        Lifecycle.account(noJob, T0);
        assertThat(noJob.getActiveSince()).isNull();
    }
}
