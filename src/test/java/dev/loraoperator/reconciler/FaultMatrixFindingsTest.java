package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Named cases for the faults where the fault matrix found the operator losing something or getting stuck. */
@EnableKubernetesMockClient(crud = true)
class FaultMatrixFindingsTest {
    static KubernetesClient client;

    private final List<ReconcileHarness> harnesses = new ArrayList<>();

    @AfterEach
    void close() {
        harnesses.forEach(ReconcileHarness::close);
    }

    private ReconcileHarness harness(String name) {
        ReconcileHarness h = new ReconcileHarness(client).create(name, j -> { });
        harnesses.add(h);
        return h;
    }

    private static String synced(LoraTrainingJobStatus status) {
        return Conditions.find(status.getConditions(), "Synced").map(JobCondition::getReason).orElse(null);
    }

    private static void suspend(ReconcileHarness h) {
        h.editSpec(j -> j.getSpec().setSuspend(true));
        h.pass();
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Suspended);
    }

    @Test
    void aResultAnswerWithoutArtifactsKeepsTheCheckpointsAlreadyKnownAndIsReadAgain() {
        ReconcileHarness h = harness("kept");
        String jobId = MatrixOperation.running(h, 300);
        assertThat(h.status().getArtifacts().getCheckpoints()).hasSize(1);
        h.sim.job(jobId).advanceTo(600);
        h.sim.faults().missingFields(Operation.RESULT, 1, "artifacts");
        ReconcileHarness.Pass pass = h.pass();
        assertThat(pass.sent(Operation.RESULT)).isEqualTo(1);
        assertThat(pass.status().getArtifacts().getCheckpoints()).as("not erased by silence").hasSize(1);
        assertThat(synced(pass.status())).isEqualTo("PollFailed");
        h.advance(pass.rescheduleAfter());
        assertThat(h.pass().status().getArtifacts().getCheckpoints()).hasSize(2);
    }

    @Test
    void aCancelAnswered404ForAJobJustReadAsRunningDoesNotReleaseTheResource() {
        ReconcileHarness h = harness("doomed");
        String jobId = MatrixOperation.running(h, 300);
        h.sim.faults().refuse(Operation.CANCEL, 1, 404, 40400, "job not found");
        var refused = h.delete();
        assertThat(refused.isRemoveFinalizer()).as("the status read just said RUNNING").isFalse();
        assertThat(h.eventReasons()).contains("CancelFailed");
        h.advance(Duration.ofMillis(refused.getScheduleDelay().orElseThrow()));
        assertThat(h.delete().isRemoveFinalizer()).isTrue();
        assertThat(h.sim.job(jobId).snapshot().status()).isEqualTo("CANCELED");
        assertThat(h.sim.count(Operation.CANCEL, jobId)).isEqualTo(2);
    }

    @Test
    void aJobThatVanishedIsStillReleasedByItsStatus404() {
        ReconcileHarness h = harness("gone");
        String jobId = MatrixOperation.running(h, 300);
        h.sim.job(jobId).vanish();
        assertThat(h.delete().isRemoveFinalizer()).isTrue();
        assertThat(h.eventReasons()).contains("RemoteJobReleased");
    }

    @Test
    void aReadHeldBackByRetryAfterDoesNotClaimSyncedSoTheMissedResultIsReadAfterwards() {
        ReconcileHarness h = harness("patient");
        String jobId = MatrixOperation.running(h, 300);
        h.sim.job(jobId).advanceTo(600);
        h.sim.faults().rateLimit(Operation.RESULT, 1, 30);
        ReconcileHarness.Pass limited = h.pass();
        assertThat(synced(limited.status())).isEqualTo("PollFailed");
        h.advance(limited.rescheduleAfter());
        ReconcileHarness.Pass held = h.pass();
        assertThat(held.requests()).as("still inside Retry-After").isEmpty();
        assertThat(synced(held.status())).as("nothing was read, so nothing is synced").isEqualTo("PollFailed");
        h.advance(Duration.ofSeconds(30));
        ReconcileHarness.Pass after = h.pass();
        assertThat(after.sent(Operation.RESULT)).isEqualTo(1);
        assertThat(after.status().getArtifacts().getCheckpoints()).hasSize(2);
        assertThat(Conditions.isTrue(after.status().getConditions(), "Synced")).isTrue();
    }

    @Test
    void aResumeLostOnTheWayIsSentAgainAfterTheGracePeriodAndTheJobStaysSuspendedMeanwhile() {
        ReconcileHarness h = harness("lost-resume");
        String jobId = MatrixOperation.running(h, 300);
        suspend(h);
        h.editSpec(j -> j.getSpec().setSuspend(false));
        h.sim.faults().serverError(Operation.RESUME, 1);
        ReconcileHarness.Pass failed = h.pass();
        assertThat(failed.sent(Operation.RESUME)).isEqualTo(1);
        assertThat(failed.status().getPhase()).as("not Canceled: the operator canceled it for suspend")
                .isEqualTo(Phase.Suspended);
        assertThat(h.eventReasons()).doesNotContain("Canceled");
        h.advance(Decider.CONFIRMATION_GRACE.minusSeconds(1));
        assertThat(h.pass().sent(Operation.RESUME)).as("may have happened: not repeated within the grace").isZero();
        h.advance(Duration.ofSeconds(2));
        assertThat(h.pass().sent(Operation.RESUME)).isEqualTo(1);
        assertThat(h.sim.job(jobId).snapshot().status()).isEqualTo("RESUMING");
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Queued);
    }

    @Test
    void anEditOfASuspendedJobKeepsItSuspendedNotCanceled() {
        ReconcileHarness h = harness("tuned");
        MatrixOperation.running(h, 300);
        suspend(h);
        h.editSpec(j -> ((ObjectNode) j.getSpec().getConfig().path("config").path("process").get(0).path("train"))
                .put("steps", 2000));
        ReconcileHarness.Pass edited = h.pass();
        assertThat(edited.sent(Operation.EDIT)).isEqualTo(1);
        assertThat(edited.status().getLastControl().getState()).isEqualTo(ControlState.Done);
        h.advance(Duration.ofMinutes(10));
        LoraTrainingJobStatus later = h.pass().status();
        assertThat(later.getPhase()).isEqualTo(Phase.Suspended);
        assertThat(Conditions.isTrue(later.getConditions(), "Finished")).as("kubectl wait must not return").isFalse();
        assertThat(h.eventReasons()).doesNotContain("Canceled");
    }
}
