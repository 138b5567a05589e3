package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.simulator.Operation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** A job is submitted at most once: every outcome of the POST, a restart mid-submission, and the two annotations. */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class SubmissionSafetyTest extends OperatorTestSupport {

    private long submissionsOf(String name) {
        return sim().requests().stream().filter(r -> r.operation() == Operation.SUBMIT && r.body() != null
                && r.body().contains(configName(name))).count();
    }

    private void annotate(String name, String key, String value) {
        edit(name, j -> {
            if (j.getMetadata().getAnnotations() == null) {
                j.getMetadata().setAnnotations(new HashMap<>());
            }
            j.getMetadata().getAnnotations().put(key, value);
        });
    }

    @Test
    void aRateLimitedSubmissionIsRetriedAndCreatesOneJob() {
        sim().faults().rateLimit(Operation.SUBMIT, 2, 1);
        create(TestJobs.job(namespace, "throttled"));
        awaitJobId("throttled");
        awaitEvent("throttled", "Submitted"); // recorded right after the status that carries the job id
        assertThat(submissionsOf("throttled")).isEqualTo(3);
        assertThat(remoteJobsNamed(configName("throttled"))).hasSize(1);
        assertThat(eventReasons("throttled")).contains("SubmissionDeferred", "Submitted");
    }

    @Test
    void aSubmitTimeoutIsUnknownAndNeverResent() throws InterruptedException {
        sim().faults().hang(Operation.SUBMIT, 1, Duration.ofSeconds(3));
        create(TestJobs.job(namespace, "timeout"));
        LoraTrainingJob unknown = awaitPhase("timeout", Phase.Unknown);
        assertThat(unknown.getStatus().getSubmission().getState()).isEqualTo(SubmissionState.Uncertain);
        assertThat(unknown.getStatus().getJobId()).isNull();
        assertThat(condition(unknown, "Submitted", JobCondition::getMessage))
                .contains("adopt-job-id").contains(unknown.getStatus().getSubmission().getAttemptId());
        assertThat(eventReasons("timeout")).contains("SubmissionUncertain");
        afterTwoMorePasses("timeout");
        assertThat(submissionsOf("timeout")).isEqualTo(1);
        assertThat(remoteJobsNamed(configName("timeout"))).hasSize(1); // it did exist: adopt it
        String remoteId = remoteJobsNamed(configName("timeout")).get(0).id();
        annotate("timeout", LoraTrainingJob.ADOPT_JOB_ID, remoteId);
        LoraTrainingJob adopted = awaitJob("timeout", j -> remoteId.equals(j.getStatus().getJobId()));
        assertThat(adopted.getStatus().getSubmission().getState()).isEqualTo(SubmissionState.Succeeded);
        assertThat(eventReasons("timeout")).contains("Adopted");
        sim().job(remoteId).start().complete();
        awaitPhase("timeout", Phase.Succeeded);
        assertThat(submissionsOf("timeout")).isEqualTo(1);
    }

    @Test
    void aServerErrorAfterProcessingIsUnknownAndRetryResubmitsOnce() throws InterruptedException {
        sim().faults().serverErrorAfterProcessing(1);
        create(TestJobs.job(namespace, "fivexx"));
        LoraTrainingJob unknown = awaitPhase("fivexx", Phase.Unknown);
        String attempt = unknown.getStatus().getSubmission().getAttemptId();
        annotate("fivexx", LoraTrainingJob.RETRY_SUBMISSION, "not-the-attempt");
        afterTwoMorePasses("fivexx");
        assertThat(submissionsOf("fivexx")).isEqualTo(1);
        annotate("fivexx", LoraTrainingJob.RETRY_SUBMISSION, attempt);
        awaitJobId("fivexx");
        afterTwoMorePasses("fivexx");
        assertThat(submissionsOf("fivexx")).isEqualTo(2);
        assertThat(eventReasons("fivexx")).contains("RetryingSubmission", "Submitted");
    }

    @Test
    void aRestartThatFindsPendingWithoutJobIdStopsInsteadOfResubmitting() throws InterruptedException {
        LoraTrainingJob job = TestJobs.job(namespace, "crashed");
        job.getSpec().setSuspend(true);
        create(job);
        awaitPhase("crashed", Phase.Suspended);
        // What a crash between "Pending recorded" and "job id recorded" leaves behind.
        LoraTrainingJob current = get("crashed");
        LoraTrainingJobStatus status = current.getStatus();
        status.setSubmission(new Submission(SubmissionState.Pending, "a1b2c3d4", "2026-01-01T00:00:00Z", "h"));
        status.setPhase(Phase.Pending);
        client.resource(current).updateStatus();
        LoraTrainingJob unknown = awaitPhase("crashed", Phase.Unknown);
        assertThat(unknown.getStatus().getSubmission().getState()).isEqualTo(SubmissionState.Uncertain);
        edit("crashed", j -> {
            j.getSpec().setSuspend(false);
        });
        afterTwoMorePasses("crashed");
        assertThat(submissionsOf("crashed")).isZero();
        assertThat(get("crashed").getStatus().getPhase()).isEqualTo(Phase.Unknown);
        annotate("crashed", LoraTrainingJob.RETRY_SUBMISSION, "a1b2c3d4");
        awaitJobId("crashed");
        assertThat(submissionsOf("crashed")).isEqualTo(1);
    }

    @Test
    void aRefusedSubmissionFailsAndIsRetriedOnlyAfterTheSpecChanges() throws InterruptedException {
        sim().faults().refuse(Operation.SUBMIT, 1, 402, 40251, "insufficient funds");
        create(TestJobs.job(namespace, "broke"));
        LoraTrainingJob failed = awaitPhase("broke", Phase.Failed);
        assertThat(failed.getStatus().getError().getCode()).isEqualTo("40251");
        assertThat(failed.getStatus().getError().getMessage()).contains("insufficient funds");
        assertThat(eventReasons("broke")).contains("SubmissionRefused");
        afterTwoMorePasses("broke");
        assertThat(submissionsOf("broke")).isEqualTo(1);
        edit("broke", j -> {
            j.getSpec().setGpuType(dev.loraoperator.api.v1alpha1.GpuType.HOPPER_141);
        });
        awaitJobId("broke");
        assertThat(submissionsOf("broke")).isEqualTo(2);
    }

    @Test
    void adoptingAJobSubmittedElsewhereFollowsIt() throws Exception {
        LoraTrainingJob job = TestJobs.job(namespace, "adoptee");
        job.getSpec().setSuspend(true);
        create(job);
        awaitPhase("adoptee", Phase.Suspended);
        // A job someone started with the RunComfy CLI, under the same config name: a real POST to the API.
        String remoteId = submitElsewhere(TestJobs.CONFIG.formatted(configName("adoptee")));
        sim().job(remoteId).start().advanceTo(250);
        edit("adoptee", j -> {
            j.getSpec().setSuspend(false);
            j.getMetadata().setAnnotations(new HashMap<>(java.util.Map.of(LoraTrainingJob.ADOPT_JOB_ID, remoteId)));
        });
        LoraTrainingJob adopted = awaitJob("adoptee", j -> j.getStatus().getPhase() == Phase.Running
                && j.getStatus().getArtifacts() != null && !j.getStatus().getArtifacts().getCheckpoints().isEmpty());
        assertThat(adopted.getStatus().getJobId()).isEqualTo(remoteId);
        assertThat(eventReasons("adoptee")).contains("Adopted");
        sim().job(remoteId).complete();
        awaitPhase("adoptee", Phase.Succeeded);
        assertThat(submissionsOf("adoptee")).isEqualTo(1); // the one made elsewhere; the operator made none
    }

    private static String submitElsewhere(String yaml) throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("config_file_format", "yaml").put("config_file", yaml).put("gpu_type", "ADA_80_PLUS").toString();
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sim().baseUrl() + "/prod/v1/trainers/ai-toolkit/jobs"))
                .header("Authorization", "Bearer " + SimulatorResource.TOKEN).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).isEqualTo(2);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("id").asText();
    }
}
