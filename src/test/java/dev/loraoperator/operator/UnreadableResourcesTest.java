package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.Phase;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Resources the operator cannot fully read (written raw, as a newer CRD or a client skipping validation would)
 * become Invalid naming the field, whether present at startup or created later; every other job goes on.
 */
@QuarkusTest
@WithKubernetesTestServer(setup = UnreadableResourcesTest.PresentAtStartup.class)
@QuarkusTestResource(SimulatorResource.class)
class UnreadableResourcesTest extends OperatorTestSupport {
    static final String STARTUP_NAMESPACE = "present-at-startup";
    static final String NEWER_GPU = "spec.gpuType: unsupported value \"BLACKWELL_192\"; supported: ADA_80_PLUS, HOPPER_141";
    /**
     * Deeper than Jackson's default limit (1,000), within the API server's (10,000); the mock API server's recursive
     * serializer overflows its thread's stack at a few thousand levels, so the test stays near the lower limit
     * (LenientReadingTest reads 9,990 levels).
     */
    static final int DEEP = 1_200;

    @KubernetesTestServer
    KubernetesServer server;

    @TestHTTPResource("/")
    URI root;

    /** Writes the unreadable resources before the operator starts, so its informer's first list contains them. */
    public static class PresentAtStartup implements Consumer<KubernetesServer> {
        @Override
        public void accept(KubernetesServer server) {
            // The mock API server parses and writes bodies with Fabric8's shared mapper; give it kube-apiserver's
            // nesting limit (10,000, Go's encoding/json) instead of Jackson's 1,000.
            Serialization.jsonMapper().getFactory()
                    .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000).build())
                    .setStreamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build());
            writeRaw(server, STARTUP_NAMESPACE, "newer-gpu", spec -> spec.put("gpuType", "BLACKWELL_192"));
            writeRaw(server, STARTUP_NAMESPACE, "huge-numbers", spec -> spec.put("gpuCount", 99_999_999_999L)
                    .put("activeDeadlineSeconds", "3600s"));
            writeRawDeepConfig(server, STARTUP_NAMESPACE, "deep-config");
            writeRawNewerStatus(server, STARTUP_NAMESPACE, "newer-status");
        }
    }

    @Test
    void resourcesPresentAtStartupBecomeInvalidAndTheOthersRun() throws Exception {
        assertInvalid(STARTUP_NAMESPACE, "newer-gpu", NEWER_GPU);
        assertInvalid(STARTUP_NAMESPACE, "huge-numbers", "spec.gpuCount: unsupported value 99999999999; "
                + "expected a whole number from -2147483648 to 2147483647; spec.activeDeadlineSeconds: unsupported "
                + "value \"3600s\"");
        assertInvalid(STARTUP_NAMESPACE, "deep-config", "spec.config: nested deeper than 200 levels");
        assertUncertainNotResubmitted(STARTUP_NAMESPACE, "newer-status");

        followNormalJobToSuccess("normal");
        assertHealthUp();
    }

    @Test
    void resourcesWrittenWhileRunningBecomeInvalidAndTheWatchGoesOn() throws Exception {
        writeRaw(server, namespace, "newer-gpu", spec -> spec.put("gpuType", "BLACKWELL_192"));
        writeRaw(server, namespace, "unknown-policy", spec -> spec.put("deletionPolicy", "Keep")
                .put("addedByANewerCrd", "ignored"));
        writeRawDeepConfig(server, namespace, "deep-config");
        assertInvalid(namespace, "newer-gpu", NEWER_GPU);
        assertInvalid(namespace, "unknown-policy",
                "spec.deletionPolicy: unsupported value \"Keep\"; supported: Cancel, Orphan");
        assertInvalid(namespace, "deep-config", "spec.config: nested deeper than 200 levels");

        // Created after the unreadable ones: only seen if the watch survived them.
        followNormalJobToSuccess("after-the-bad-ones");
        assertHealthUp();
    }

    private void assertInvalid(String ns, String name, String message) {
        String previous = namespace;
        namespace = ns;
        try {
            LoraTrainingJob job = awaitPhase(name, Phase.Invalid);
            assertThat(condition(job, "Accepted", JobCondition::getReason)).isEqualTo("InvalidConfig");
            assertThat(condition(job, "Accepted", JobCondition::getMessage)).contains(message);
            assertThat(eventReasons(name)).contains("InvalidConfig");
            assertThat(remoteJobsNamed(TestJobs.configName(ns, name))).isEmpty();
        } finally {
            namespace = previous;
        }
    }

    /** A submission whose state this version cannot read may have reached the API: it is never sent again. */
    private void assertUncertainNotResubmitted(String ns, String name) {
        String previous = namespace;
        namespace = ns;
        try {
            LoraTrainingJob job = awaitPhase(name, Phase.Unknown);
            assertThat(job.getStatus().getSubmission().getAttemptId()).isEqualTo("newer-attempt");
            assertThat(condition(job, "Submitted", JobCondition::getReason)).isEqualTo("SubmissionUncertain");
            assertThat(job.getStatus().getError().getMessage()).contains("cannot read");
            assertThat(eventReasons(name)).contains("SubmissionUncertain");
            assertThat(remoteJobsNamed(TestJobs.configName(ns, name))).isEmpty();
        } finally {
            namespace = previous;
        }
    }

    private void followNormalJobToSuccess(String name) {
        create(TestJobs.job(namespace, name));
        String jobId = awaitJobId(name);
        sim().job(jobId).start().complete();
        awaitPhase(name, Phase.Succeeded);
        assertThat(remoteJobsNamed(configName(name))).hasSize(1);
    }

    private void assertHealthUp() throws IOException, InterruptedException {
        for (String probe : new String[] {"q/health/live", "q/health/ready"}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(root.resolve(probe)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"UP\"").doesNotContain("\"DOWN\"");
        }
    }

    /** A valid job, changed as a client skipping validation could, POSTed as raw JSON (no typed client involved). */
    static void writeRaw(KubernetesServer server, String ns, String name, UnaryOperator<ObjectNode> change) {
        ObjectNode json = new ObjectMapper().valueToTree(TestJobs.job(ns, name));
        change.apply((ObjectNode) json.get("spec"));
        post(server, ns, json.toString());
    }

    /**
     * A job whose status a newer operator version wrote (a downgrade keeps the newer CRD): words this version has no
     * enum constant for, in the phase, the submission and the last control call.
     */
    static void writeRawNewerStatus(KubernetesServer server, String ns, String name) {
        ObjectNode json = new ObjectMapper().valueToTree(TestJobs.job(ns, name));
        ObjectNode status = json.putObject("status");
        status.put("phase", "Preempted");
        status.putObject("submission").put("state", "Submitting").put("attemptId", "newer-attempt")
                .put("at", "2026-11-30T10:00:00Z").put("gpuType", "BLACKWELL_192");
        status.putObject("lastControl").put("action", "Pause").put("cause", "Budget").put("state", "Queued")
                .put("at", "2026-11-30T10:00:00Z");
        post(server, ns, json.toString());
    }

    /** A job whose inline config nests {@link #DEEP} levels. */
    static void writeRawDeepConfig(KubernetesServer server, String ns, String name) {
        ObjectNode json = new ObjectMapper().valueToTree(TestJobs.job(ns, name));
        ((ObjectNode) json.get("spec")).put("config", "DEEP");
        String deep = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
        post(server, ns, json.toString().replace("\"DEEP\"", deep));
    }

    private static void post(KubernetesServer server, String ns, String body) {
        String path = "/apis/" + LoraTrainingJob.GROUP + "/" + LoraTrainingJob.VERSION + "/namespaces/" + ns
                + "/loratrainingjobs";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.getKubernetesMockServer().url(path))).header("Content-Type", "application/json")
                    .timeout(WAIT).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
