package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.simulator.JobSnapshot;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.status.Conditions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class HappyPathTest extends OperatorTestSupport {

    @Test
    void followsAJobFromSubmissionToSuccessWithProgressAndArtifacts() {
        create(TestJobs.job(namespace, "flux-dogs"));
        String jobId = awaitJobId("flux-dogs");
        LoraTrainingJob queued = awaitPhase("flux-dogs", Phase.Queued);
        assertThat(queued.getStatus().getSubmission().getState().name()).isEqualTo("Succeeded");
        assertThat(remoteJobsNamed(configName("flux-dogs"))).hasSize(1);

        JobSnapshot submitted = remoteJobsNamed(configName("flux-dogs")).get(0);
        assertThat(submitted.configYaml()).contains("training_folder: \"/app/ai-toolkit/output\"")
                .contains("\"/app/ai-toolkit/datasets/dogs_v1\"").contains("lr: 1.0e-4");

        sim().job(jobId).start().advanceTo(500);
        LoraTrainingJob running = awaitJob("flux-dogs", j -> j.getStatus().getPhase() == Phase.Running
                && j.getStatus().getProgress() != null && j.getStatus().getProgress().getCurrentStep() == 500);
        assertThat(running.getStatus().getProgress().getSummary()).isEqualTo("500/1000 (50%)");
        assertThat(running.getStatus().getArtifacts().getCheckpoints()).hasSize(2);
        assertThat(running.getStatus().getStartedAt()).isNotNull();

        sim().job(jobId).complete();
        LoraTrainingJob done = awaitPhase("flux-dogs", Phase.Succeeded);
        LoraTrainingJobStatus status = done.getStatus();
        assertThat(status.getRemoteStatus()).isEqualTo("STOPPED");
        assertThat(status.getProgress().getPercent()).isEqualTo(100);
        assertThat(status.getArtifacts().getLatestCheckpoint().getName()).isEqualTo(configName("flux-dogs") + ".safetensors");
        assertThat(status.getArtifacts().getConfig()).endsWith("config.yaml");
        assertThat(status.getArtifacts().getSampleCount()).isPositive();
        assertThat(status.getFinishedAt()).isNotNull();
        assertThat(Conditions.isTrue(status.getConditions(), "Finished")).isTrue();
        assertThat(Conditions.isTrue(status.getConditions(), "Succeeded")).isTrue();
        assertThat(status.getObservedGeneration()).isEqualTo(done.getMetadata().getGeneration());
        assertThat(eventReasons("flux-dogs")).contains("Submitted", "Running", "Succeeded");
        assertThat(remoteJobsNamed(configName("flux-dogs"))).hasSize(1);
    }

    @Test
    void aFinishedJobIsNotPolledAgain() throws InterruptedException {
        create(TestJobs.job(namespace, "settled"));
        String jobId = awaitJobId("settled");
        sim().job(jobId).start().complete();
        awaitPhase("settled", Phase.Succeeded);
        int polls = calls(Operation.STATUS, jobId);
        afterTwoMorePasses("settled");
        assertThat(calls(Operation.STATUS, jobId)).isEqualTo(polls);
    }
}
