package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.SecretKeyReference;
import io.fabric8.kubernetes.api.model.Event;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the API token comes from, what happens without one, and that it never leaks. */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class CredentialsTest extends OperatorTestSupport {
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null) {
                message = message + " " + List.of(record.getParameters());
            }
            logLines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
    }

    private LoraTrainingJob withOwnSecret(String name, String secret) {
        LoraTrainingJob job = TestJobs.job(namespace, name);
        job.getSpec().setCredentialsSecretRef(new SecretKeyReference(secret, "api-token"));
        return job;
    }

    @Test
    void aMissingSecretIsReportedAndTheJobStartsOnceItExists() {
        create(withOwnSecret("patient", "team-token"));
        LoraTrainingJob waiting = awaitJob("patient", j -> j.getStatus() != null
                && "False".equals(condition(j, "Accepted", JobCondition::getStatus)));
        assertThat(condition(waiting, "Accepted", JobCondition::getReason)).isEqualTo("MissingCredentials");
        assertThat(condition(waiting, "Accepted", JobCondition::getMessage)).contains("team-token").contains("api-token");
        assertThat(waiting.getStatus().getPhase()).isEqualTo(Phase.Pending);
        afterTwoMorePasses("patient");
        assertThat(eventReasons("patient")).containsOnlyOnce("MissingCredentials");
        assertThat(remoteJobsNamed(configName("patient"))).isEmpty();

        secret(namespace, "team-token", "api-token", SimulatorResource.TOKEN);
        awaitJobId("patient");
        assertThat(remoteJobsNamed(configName("patient"))).hasSize(1);
        assertThat(condition(get("patient"), "Accepted", JobCondition::getStatus)).isEqualTo("True");
    }

    @Test
    void aSecretWithoutTheKeyIsReported() {
        secret(namespace, "half", "other", "x");
        create(withOwnSecret("keyless", "half"));
        LoraTrainingJob waiting = awaitJob("keyless", j -> j.getStatus() != null
                && "MissingCredentials".equals(condition(j, "Accepted", JobCondition::getReason)));
        assertThat(condition(waiting, "Accepted", JobCondition::getMessage)).contains("no non-empty key api-token");
    }

    @Test
    void aTokenWithALineBreakIsReportedNotSentAndNotUncertain() {
        secret(namespace, "two-lines", "api-token", "sk-pasted\nsk-twice");
        create(withOwnSecret("multiline", "two-lines"));
        LoraTrainingJob waiting = awaitJob("multiline", j -> j.getStatus() != null
                && "MissingCredentials".equals(condition(j, "Accepted", JobCondition::getReason)));
        assertThat(condition(waiting, "Accepted", JobCondition::getMessage)).contains("line break")
                .doesNotContain("sk-pasted").doesNotContain("sk-twice");
        assertThat(waiting.getStatus().getPhase()).isEqualTo(Phase.Pending);
        assertThat(waiting.getStatus().getSubmission()).isNull();
        assertThat(remoteJobsNamed(configName("multiline"))).isEmpty();
    }

    @Test
    void aRejectedTokenIsARefusalNotACrashLoop() throws InterruptedException {
        secret(namespace, "wrong", "api-token", "sk-wrong-token");
        create(withOwnSecret("rejected", "wrong"));
        LoraTrainingJob failed = awaitPhase("rejected", Phase.Failed);
        assertThat(failed.getStatus().getSubmission().getState().name()).isEqualTo("Failed");
        assertThat(failed.getStatus().getError().getMessage()).contains("401");
        long submits = sim().requests().stream().filter(r -> !r.authorizationMatched()).count();
        afterTwoMorePasses("rejected");
        assertThat(sim().requests().stream().filter(r -> !r.authorizationMatched()).count()).isEqualTo(submits);
    }

    @Test
    void theTokenNeverAppearsInLogsEventsOrStatus() throws Exception {
        create(TestJobs.job(namespace, "secretive"));
        String jobId = awaitJobId("secretive");
        sim().job(jobId).start().advanceTo(250);
        sim().job(jobId).complete();
        LoraTrainingJob done = awaitPhase("secretive", Phase.Succeeded);
        await().atMost(WAIT).until(() -> !logLines.isEmpty());
        String token = SimulatorResource.TOKEN;
        assertThat(logLines).noneMatch(line -> line.contains(token));
        assertThat(logLines).anyMatch(line -> line.contains(jobId));
        assertThat(new ObjectMapper().writeValueAsString(done)).doesNotContain(token);
        assertThat(events("secretive")).extracting(Event::getMessage).noneMatch(m -> m.contains(token));
        assertThat(sim().requests()).filteredOn(r -> jobId.equals(r.jobId())).allMatch(r -> r.authorizationMatched());
    }
}
