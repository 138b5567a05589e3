package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loraoperator.api.v1alpha1.AutoResume;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.simulator.Operation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.Test;

/** Steering a job declaratively (issue: suspend, auto-resume, deadlines, config edits), one call per intent. */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class LifecycleTest extends OperatorTestSupport {

    @io.quarkus.test.kubernetes.client.KubernetesTestServer
    io.quarkus.test.kubernetes.client.KubernetesServer server;

    /** Reconciles the same state several times over: nothing may be sent again. */
    private void repeat(String name) {
        afterTwoMorePasses(name);
    }

    @Test
    void aResourceCreatedSuspendedIsNotSubmittedUntilResumed() throws InterruptedException {
        LoraTrainingJob job = TestJobs.job(namespace, "later");
        job.getSpec().setSuspend(true);
        create(job);
        LoraTrainingJob suspended = awaitPhase("later", Phase.Suspended);
        assertThat(condition(suspended, "Suspended", JobCondition::getStatus)).isEqualTo("True");
        repeat("later");
        assertThat(remoteJobsNamed(configName("later"))).isEmpty();
        edit("later", j -> j.getSpec().setSuspend(false));
        awaitJobId("later");
        assertThat(remoteJobsNamed(configName("later"))).hasSize(1);
    }

    @Test
    void suspendCancelsOnceKeepsTheRecordAndResumeContinuesTheSameJob() throws InterruptedException {
        create(TestJobs.job(namespace, "pausable"));
        String jobId = awaitJobId("pausable");
        sim().job(jobId).start().advanceTo(500);
        awaitJob("pausable", j -> j.getStatus().getProgress() != null && j.getStatus().getProgress().getCurrentStep() == 500);

        edit("pausable", j -> j.getSpec().setSuspend(true));
        LoraTrainingJob suspended = awaitPhase("pausable", Phase.Suspended);
        assertThat(suspended.getStatus().getJobId()).isEqualTo(jobId);
        assertThat(suspended.getStatus().getArtifacts().getCheckpoints()).hasSize(2);
        assertThat(suspended.getStatus().getRemoteStatus()).isEqualTo("CANCELED");
        assertThat(condition(suspended, "Finished", JobCondition::getStatus)).isEqualTo("False");
        repeat("pausable");
        assertThat(calls(Operation.CANCEL, jobId)).isEqualTo(1);
        assertThat(eventReasons("pausable")).contains("CancelRequested");

        edit("pausable", j -> j.getSpec().setSuspend(false));
        awaitPhase("pausable", Phase.Queued);
        repeat("pausable");
        assertThat(calls(Operation.RESUME, jobId)).isEqualTo(1);
        assertThat(eventReasons("pausable")).contains("Resumed");
        sim().job(jobId).start().complete();
        awaitPhase("pausable", Phase.Succeeded);
        assertThat(remoteJobsNamed(configName("pausable"))).hasSize(1);
    }

    @Test
    void aConflictingWriteAfterTheCancelDoesNotSendItAgain() throws InterruptedException {
        create(TestJobs.job(namespace, "contested"));
        String jobId = awaitJobId("contested");
        sim().job(jobId).start();
        awaitPhase("contested", Phase.Running);
        // The cancel is processed at once but answered late; meanwhile the API server is told to answer the
        // operator's next status write (the one recording the cancel) with 409 Conflict, as a real one does when
        // the resource changed in between. The answer must still be recorded, and no second cancel sent.
        sim().faults().hang(Operation.CANCEL, 1, java.time.Duration.ofSeconds(1));
        edit("contested", j -> j.getSpec().setSuspend(true));
        await().atMost(WAIT).until(() -> calls(Operation.CANCEL, jobId) == 1);
        // Armed while the cancel's answer is still on its way: it meets the write that records the answer.
        java.util.concurrent.atomic.AtomicBoolean conflicted = new java.util.concurrent.atomic.AtomicBoolean();
        server.expect().put().withPath("/apis/training.lora-operator.dev/v1alpha1/namespaces/" + namespace
                + "/loratrainingjobs/contested/status").andReply(409, request -> {
                    conflicted.set(true);
                    return new io.fabric8.kubernetes.api.model.StatusBuilder().withCode(409).withReason("Conflict")
                            .withMessage("the object has been modified").build();
                }).once();
        awaitPhase("contested", Phase.Suspended);
        assertThat(conflicted).as("the status write after the cancel met the 409").isTrue();
        repeat("contested");
        assertThat(calls(Operation.CANCEL, jobId)).isEqualTo(1);
        assertThat(get("contested").getStatus().getLastControl().getState().name()).isEqualTo("Done");
    }

    @Test
    void anEarlyStopIsResumedUpToMaxAttemptsThenLeftInterrupted() throws InterruptedException {
        LoraTrainingJob job = TestJobs.job(namespace, "resilient");
        job.getSpec().setAutoResume(new AutoResume(1));
        create(job);
        String jobId = awaitJobId("resilient");
        sim().job(jobId).start().advanceTo(300).stopEarly();
        LoraTrainingJob resumed = awaitJob("resilient", j -> Integer.valueOf(1).equals(j.getStatus().getResumeCount())
                && j.getStatus().getPhase() == Phase.Queued);
        assertThat(resumed.getStatus().getError()).isNull();
        assertThat(eventReasons("resilient")).contains("AutoResumed");
        repeat("resilient");
        assertThat(calls(Operation.RESUME, jobId)).isEqualTo(1);

        sim().job(jobId).start().advanceTo(600).stopEarly();
        LoraTrainingJob interrupted = awaitPhase("resilient", Phase.Interrupted);
        assertThat(condition(interrupted, "Finished", JobCondition::getStatus)).isEqualTo("True");
        repeat("resilient");
        assertThat(calls(Operation.RESUME, jobId)).isEqualTo(1);
        assertThat(events("resilient")).anySatisfy(e -> assertThat(e.getMessage()).contains("maxAttempts above 1"));

        edit("resilient", j -> j.getSpec().setAutoResume(new AutoResume(2)));
        awaitJob("resilient", j -> Integer.valueOf(2).equals(j.getStatus().getResumeCount()));
        assertThat(calls(Operation.RESUME, jobId)).isEqualTo(2);
    }

    @Test
    void failedOrUserCanceledJobsAreNeverResumed() throws InterruptedException {
        LoraTrainingJob failing = TestJobs.job(namespace, "broken");
        failing.getSpec().setAutoResume(new AutoResume(3));
        create(failing);
        String failedId = awaitJobId("broken");
        sim().job(failedId).start().fail("TRAINING_ERROR", "nan loss");
        awaitPhase("broken", Phase.Failed);
        repeat("broken");
        assertThat(calls(Operation.RESUME, failedId)).isZero();
    }

    @Test
    void theDeadlineCancelsTheJobAndFailsIt() throws InterruptedException {
        LoraTrainingJob job = TestJobs.job(namespace, "capped");
        job.getSpec().setActiveDeadlineSeconds(2L);
        job.getSpec().setAutoResume(new AutoResume(3));
        create(job);
        String jobId = awaitJobId("capped");
        sim().job(jobId).start().advanceTo(100);
        LoraTrainingJob failed = awaitPhase("capped", Phase.Failed);
        assertThat(failed.getStatus().getError().getCode()).isEqualTo("DeadlineExceeded");
        assertThat(condition(failed, "Failed", JobCondition::getReason)).isEqualTo("DeadlineExceeded");
        assertThat(sim().job(jobId).snapshot().status()).isEqualTo("CANCELED");
        repeat("capped");
        assertThat(calls(Operation.CANCEL, jobId)).isEqualTo(1);
        assertThat(calls(Operation.RESUME, jobId)).isZero();
        assertThat(eventReasons("capped")).contains("DeadlineExceeded");
    }

    @Test
    void aConfigChangeWaitsForTheRunningJobThenEditsAndResumesOnce() throws InterruptedException {
        create(TestJobs.job(namespace, "tuned"));
        String jobId = awaitJobId("tuned");
        sim().job(jobId).start().advanceTo(250);
        awaitPhase("tuned", Phase.Running);
        String firstHash = get("tuned").getStatus().getSubmission().getConfigHash();

        edit("tuned", j -> ((com.fasterxml.jackson.databind.node.ObjectNode) j.getSpec().getConfig().path("config")
                .path("process").get(0).path("train")).put("steps", 1500));
        LoraTrainingJob waiting = awaitJob("tuned", j -> "ActiveJob".equals(condition(j, "Synced", JobCondition::getReason)));
        assertThat(condition(waiting, "Synced", JobCondition::getMessage)).contains("spec.suspend");
        repeat("tuned");
        assertThat(calls(Operation.EDIT, jobId)).isZero();

        sim().job(jobId).stopEarly();
        awaitJob("tuned", j -> !firstHash.equals(j.getStatus().getSubmission().getConfigHash())
                && j.getStatus().getPhase() == Phase.Queued);
        repeat("tuned");
        assertThat(calls(Operation.EDIT, jobId)).isEqualTo(1);
        assertThat(calls(Operation.RESUME, jobId)).isEqualTo(1);
        assertThat(sim().job(jobId).snapshot().configYaml()).contains("steps: 1500");
        assertThat(sim().job(jobId).snapshot().totalSteps()).isEqualTo(1500);
        assertThat(eventReasons("tuned")).contains("ConfigEdited", "Resumed");
    }

    @Test
    void aChangedConfigNameIsRefusedWithAClearStatus() throws InterruptedException {
        create(TestJobs.job(namespace, "named"));
        String jobId = awaitJobId("named");
        sim().job(jobId).start().complete();
        awaitPhase("named", Phase.Succeeded);
        edit("named", j -> ((com.fasterxml.jackson.databind.node.ObjectNode) j.getSpec().getConfig().path("config"))
                .put("name", "renamed_" + namespace.replace('-', '_')));
        LoraTrainingJob blocked = awaitJob("named", j -> "ConfigNameChanged".equals(condition(j, "Synced",
                JobCondition::getReason)));
        assertThat(condition(blocked, "Synced", JobCondition::getMessage)).contains("config.name cannot change");
        assertThat(blocked.getStatus().getPhase()).isEqualTo(Phase.Succeeded);
        repeat("named");
        assertThat(calls(Operation.EDIT, jobId)).isZero();
    }

    @Test
    void aGpuChangeIsSentWithTheNextResume() {
        create(TestJobs.job(namespace, "upgrade"));
        String jobId = awaitJobId("upgrade");
        sim().job(jobId).start();
        awaitPhase("upgrade", Phase.Running);
        edit("upgrade", j -> j.getSpec().setSuspend(true));
        awaitPhase("upgrade", Phase.Suspended);
        edit("upgrade", j -> {
            j.getSpec().setGpuType(GpuType.HOPPER_141);
            j.getSpec().setSuspend(false);
        });
        awaitPhase("upgrade", Phase.Queued);
        assertThat(sim().requests()).filteredOn(r -> r.operation() == Operation.RESUME && jobId.equals(r.jobId()))
                .singleElement().satisfies(r -> assertThat(r.body()).contains("HOPPER_141"));
        assertThat(get("upgrade").getStatus().getSubmission().getGpuType()).isEqualTo(GpuType.HOPPER_141);
    }
}
