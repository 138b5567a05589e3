package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loraoperator.api.v1alpha1.DeletionPolicy;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.simulator.Operation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What deleting a LoraTrainingJob does to its remote job, under each deletionPolicy and phase. */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class DeletionTest extends OperatorTestSupport {

    private void delete(String name) {
        client.resources(LoraTrainingJob.class).inNamespace(namespace).withName(name).delete();
    }

    private void awaitGone(String name) {
        await().atMost(WAIT).until(() -> get(name) == null);
    }

    @Test
    void deletingARunningJobCancelsItExactlyOnce() {
        LoraTrainingJob job = create(TestJobs.job(namespace, "doomed"));
        assertThat(job.getMetadata().getFinalizers()).isNullOrEmpty();
        String jobId = awaitJobId("doomed");
        assertThat(get("doomed").getMetadata().getFinalizers()).contains(LoraTrainingJob.FINALIZER);
        sim().job(jobId).start().advanceTo(100);
        awaitPhase("doomed", Phase.Running);
        delete("doomed");
        awaitGone("doomed");
        assertThat(calls(Operation.CANCEL, jobId)).isEqualTo(1);
        assertThat(sim().job(jobId).snapshot().status()).isEqualTo("CANCELED");
        assertThat(eventReasons("doomed")).contains("RemoteJobReleased");
    }

    @Test
    void deletingAFinishedJobCallsNothing() {
        create(TestJobs.job(namespace, "done"));
        String jobId = awaitJobId("done");
        sim().job(jobId).start().complete();
        awaitPhase("done", Phase.Succeeded);
        int before = sim().requests().size();
        delete("done");
        awaitGone("done");
        assertThat(calls(Operation.CANCEL, jobId)).isZero();
        assertThat(sim().requests().stream().filter(r -> jobId.equals(r.jobId())).count())
                .isEqualTo(sim().requests().stream().limit(before).filter(r -> jobId.equals(r.jobId())).count());
    }

    @Test
    void orphanLeavesTheRemoteJobRunning() {
        LoraTrainingJob job = TestJobs.job(namespace, "keeper");
        job.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
        create(job);
        String jobId = awaitJobId("keeper");
        sim().job(jobId).start();
        awaitPhase("keeper", Phase.Running);
        delete("keeper");
        awaitGone("keeper");
        assertThat(calls(Operation.CANCEL, jobId)).isZero();
        assertThat(sim().job(jobId).snapshot().status()).isEqualTo("RUNNING");
        assertThat(events("keeper")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("RemoteJobOrphaned");
            assertThat(e.getMessage()).contains(jobId);
        });
    }

    @Test
    void aFailingCancelKeepsTheResourceUntilOrphanReleasesIt() {
        create(TestJobs.job(namespace, "stuck"));
        String jobId = awaitJobId("stuck");
        sim().job(jobId).start();
        awaitPhase("stuck", Phase.Running);
        sim().faults().serverError(Operation.CANCEL, 1000);
        delete("stuck");
        await().atMost(WAIT).until(() -> eventReasons("stuck").contains("CancelFailed"));
        assertThat(get("stuck")).isNotNull();
        assertThat(events("stuck")).filteredOn(e -> e.getReason().equals("CancelFailed"))
                .allSatisfy(e -> assertThat(e.getMessage()).contains(jobId).contains("deletionPolicy: Orphan"));
        edit("stuck", j -> {
            j.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
        });
        awaitGone("stuck");
        assertThat(sim().job(jobId).snapshot().status()).isEqualTo("RUNNING");
    }

    @Test
    void aNeverSubmittedResourceIsReleasedAtOnce() {
        LoraTrainingJob job = TestJobs.job(namespace, "idle");
        job.getSpec().setSuspend(true);
        create(job);
        awaitPhase("idle", Phase.Suspended);
        delete("idle");
        awaitGone("idle");
        assertThat(remoteJobsNamed(configName("idle"))).isEmpty();
    }

    @Test
    void deletingAnUncertainSubmissionWarnsThatAJobMayBeLeftBehind() {
        sim().faults().hang(Operation.SUBMIT, 1, Duration.ofSeconds(3));
        create(TestJobs.job(namespace, "unsure"));
        LoraTrainingJob unknown = awaitPhase("unsure", Phase.Unknown);
        String attempt = unknown.getStatus().getSubmission().getAttemptId();
        delete("unsure");
        awaitGone("unsure");
        assertThat(events("unsure")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("RemoteJobOrphaned");
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getMessage()).contains(attempt).contains("may have created a remote job");
        });
    }

    @Test
    void aJobThatEndsWhileTheDeleteWaitsIsNotCanceled() throws InterruptedException {
        create(TestJobs.job(namespace, "racing"));
        String jobId = awaitJobId("racing");
        sim().job(jobId).start();
        awaitPhase("racing", Phase.Running);
        // Every cancel fails until the job has ended by itself, so none can get through before it does.
        sim().faults().serverError(Operation.CANCEL, 1000);
        delete("racing");
        awaitEvent("racing", "CancelFailed");
        sim().job(jobId).complete();
        awaitGone("racing");
        assertThat(eventReasons("racing")).contains("RemoteJobReleased");
        assertThat(sim().requests().stream().filter(r -> r.operation() == Operation.CANCEL
                && jobId.equals(r.jobId()) && r.fault() == null).count()).isZero();
    }
}
