package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.simulator.Operation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the remote job ending badly, or the API misbehaving while we follow it, shows in the status. */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class RemoteOutcomesTest extends OperatorTestSupport {

    @Test
    void aFailedJobIsFailedWithTheRemoteError() {
        create(TestJobs.job(namespace, "oom"));
        String jobId = awaitJobId("oom");
        sim().job(jobId).start().advanceTo(300).fail("CUDA_OOM", "CUDA out of memory");
        LoraTrainingJob failed = awaitPhase("oom", Phase.Failed);
        assertThat(failed.getStatus().getError().getCode()).isEqualTo("CUDA_OOM");
        assertThat(failed.getStatus().getError().getMessage()).isEqualTo("CUDA out of memory");
        assertThat(condition(failed, "Failed", JobCondition::getStatus)).isEqualTo("True");
        assertThat(condition(failed, "Finished", JobCondition::getReason)).isEqualTo("Failed");
        assertThat(failed.getStatus().getArtifacts().getCheckpoints()).isNotEmpty();
        assertThat(eventReasons("oom")).contains("Failed");
    }

    @Test
    void aFailedJobWithAPlainStringErrorIsStillRecorded() {
        create(TestJobs.job(namespace, "disk"));
        String jobId = awaitJobId("disk");
        sim().job(jobId).start().failWithStringError("disk full");
        LoraTrainingJob failed = awaitPhase("disk", Phase.Failed);
        assertThat(failed.getStatus().getError().getMessage()).isEqualTo("disk full");
    }

    @Test
    void anEarlyStopIsInterruptedNotSucceeded() {
        create(TestJobs.job(namespace, "preempted"));
        String jobId = awaitJobId("preempted");
        sim().job(jobId).start().advanceTo(600).stopEarly();
        LoraTrainingJob stopped = awaitPhase("preempted", Phase.Interrupted);
        assertThat(stopped.getStatus().getRemoteStatus()).isEqualTo("STOPPED");
        assertThat(stopped.getStatus().getError().getMessage()).contains("reclaimed");
        assertThat(condition(stopped, "Finished", JobCondition::getStatus)).isEqualTo("True");
        assertThat(condition(stopped, "Succeeded", JobCondition::getStatus)).isEqualTo("False");
        assertThat(events("preempted")).anySatisfy(e -> assertThat(e.getMessage()).contains("autoResume.maxAttempts"));
        assertThat(calls(Operation.RESUME, jobId)).isZero();
    }

    @Test
    void aFailedPollKeepsTheLastKnownStateAndSaysSo() {
        create(TestJobs.job(namespace, "flaky"));
        String jobId = awaitJobId("flaky");
        sim().job(jobId).start().advanceTo(250);
        awaitJob("flaky", j -> j.getStatus().getPhase() == Phase.Running
                && j.getStatus().getProgress() != null && j.getStatus().getProgress().getCurrentStep() == 250);
        sim().faults().serverError(Operation.STATUS, 1000);
        LoraTrainingJob unsynced = awaitJob("flaky", j -> "False".equals(condition(j, "Synced", JobCondition::getStatus)));
        assertThat(unsynced.getStatus().getPhase()).isEqualTo(Phase.Running);
        assertThat(unsynced.getStatus().getJobId()).isEqualTo(jobId);
        assertThat(unsynced.getStatus().getProgress().getCurrentStep()).isEqualTo(250);
        assertThat(condition(unsynced, "Synced", JobCondition::getReason)).isEqualTo("PollFailed");
        assertThat(eventReasons("flaky")).contains("PollFailed");
        sim().faults().clear();
        awaitJob("flaky", j -> "True".equals(condition(j, "Synced", JobCondition::getStatus)));
    }

    @Test
    void anUnknownRemoteStatusIsKeptVerbatimAndReported() {
        create(TestJobs.job(namespace, "novel"));
        String jobId = awaitJobId("novel");
        sim().job(jobId).start();
        awaitPhase("novel", Phase.Running);
        sim().job(jobId).setStatus("WARMING_UP");
        LoraTrainingJob odd = awaitJob("novel", j -> "WARMING_UP".equals(j.getStatus().getRemoteStatus()));
        assertThat(odd.getStatus().getPhase()).isEqualTo(Phase.Running);
        assertThat(condition(odd, "Synced", JobCondition::getReason)).isEqualTo("UnknownRemoteStatus");
        assertThat(eventReasons("novel")).contains("UnknownRemoteStatus");
        int polls = calls(Operation.STATUS, jobId);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> calls(Operation.STATUS, jobId) > polls);

        // Deleting it still cancels: an unknown status counts as possibly active, and a refused cancel is not "done".
        client.resources(LoraTrainingJob.class).inNamespace(namespace).withName("novel").delete();
        awaitEvent("novel", "CancelFailed");
        assertThat(get("novel")).isNotNull();
        sim().job(jobId).setStatus("RUNNING");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> get("novel") == null);
        assertThat(sim().job(jobId).snapshot().status()).isEqualTo("CANCELED");
    }

    @Test
    void aVanishedJobIsReportedWithoutLosingWhatWasLearned() {
        create(TestJobs.job(namespace, "lost"));
        String jobId = awaitJobId("lost");
        sim().job(jobId).start().advanceTo(250);
        awaitJob("lost", j -> j.getStatus().getArtifacts() != null
                && !j.getStatus().getArtifacts().getCheckpoints().isEmpty());
        sim().job(jobId).vanish();
        LoraTrainingJob lost = awaitJob("lost", j -> "RemoteJobNotFound".equals(condition(j, "Synced",
                JobCondition::getReason)));
        assertThat(lost.getStatus().getJobId()).isEqualTo(jobId);
        assertThat(lost.getStatus().getArtifacts().getCheckpoints()).isNotEmpty();
    }

    @Test
    void aNoOpReconcileWritesNothing() throws InterruptedException {
        create(TestJobs.job(namespace, "quiet"));
        String jobId = awaitJobId("quiet");
        sim().job(jobId).start().advanceTo(100);
        awaitJob("quiet", j -> j.getStatus().getPhase() == Phase.Running);
        int first = calls(Operation.STATUS, jobId);
        // polls of an unchanged job (the first ones may still record progress)
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> calls(Operation.STATUS, jobId) >= first + 2);
        String before = get("quiet").getMetadata().getResourceVersion();
        int polls = calls(Operation.STATUS, jobId);
        poke("quiet");
        String afterPoke = get("quiet").getMetadata().getResourceVersion();
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> calls(Operation.STATUS, jobId) >= polls + 3);
        assertThat(before).isNotEqualTo(afterPoke);
        assertThat(get("quiet").getMetadata().getResourceVersion()).isEqualTo(afterPoke);
    }
}
