package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.api.v1alpha1.AutoResume;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.status.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Named cases, each a few passes of the real reconciler against the simulator with a clock that is set. */
@EnableKubernetesMockClient(crud = true)
class ReconcilePassTest {
    static KubernetesClient client;

    private final List<ReconcileHarness> harnesses = new ArrayList<>();

    private ReconcileHarness harness() {
        return track(new ReconcileHarness(client));
    }

    private ReconcileHarness track(ReconcileHarness harness) {
        harnesses.add(harness);
        return harness;
    }

    @AfterEach
    void close() {
        harnesses.forEach(ReconcileHarness::close);
    }

    private static String condition(LoraTrainingJobStatus status, String type, java.util.function.Function<JobCondition, String> field) {
        return Conditions.find(status.getConditions(), type).map(field).orElse(null);
    }

    /** Submits the job and starts it running at step {@code step}. */
    private static String running(ReconcileHarness h, int step) {
        ReconcileHarness.Pass submitted = h.pass();
        assertThat(submitted.sent(Operation.SUBMIT)).isEqualTo(1);
        String jobId = h.jobId();
        h.sim.job(jobId).start().advanceTo(step);
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Running);
        return jobId;
    }

    @Test
    void aSubmissionWaitingForTheRateLimitRecordsNothingSendsNothingAndComesBackWhenTheWaitIsOver() {
        ReconcileHarness h = harness().create("patient", j -> { });
        h.sim.faults().rateLimit(Operation.SUBMIT, 1, 30);
        ReconcileHarness.Pass limited = h.pass();
        assertThat(limited.sent(Operation.SUBMIT)).isEqualTo(1);
        assertThat(limited.rescheduleAfter()).isEqualTo(Duration.ofSeconds(30));
        int writesBefore = h.store().writes().size();
        ReconcileHarness.Pass early = h.pass(); // called again before the pause is over (e.g. the spec changed)
        assertThat(early.sent(Operation.SUBMIT)).as("nothing sent while the API asked to wait").isZero();
        assertThat(h.store().writes().subList(writesBefore, h.store().writes().size()))
                .as("no Pending written that a restart would call uncertain").allMatch(s -> s.getSubmission() == null);
        assertThat(early.rescheduleAfter()).isEqualTo(Duration.ofSeconds(30));
        h.advance(Duration.ofSeconds(30));
        ReconcileHarness.Pass submitted = h.pass();
        assertThat(submitted.sent(Operation.SUBMIT)).isEqualTo(1);
        assertThat(h.status().getSubmission().getState()).isEqualTo(SubmissionState.Succeeded);
        assertThat(h.sim.jobs()).hasSize(1);
    }

    @Test
    void aRunningJobPastItsDeadlineWhoseCancelKeepsFailingIsLookedAtAgainAfter1_2_4_8SecondsNeverSooner() {
        ReconcileHarness h = harness().create("capped", j -> j.getSpec().setActiveDeadlineSeconds(60L));
        String jobId = running(h, 100);
        h.sim.faults().serverError(Operation.CANCEL, 50);
        h.advance(Duration.ofSeconds(61));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ReconcileHarness.Pass pass = h.pass();
            assertThat(pass.sent(Operation.CANCEL)).as("one cancel per pass").isEqualTo(1);
            delays.add(pass.rescheduleAfter().toSeconds());
            h.advance(pass.rescheduleAfter());
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L);
        assertThat(condition(h.status(), "Synced", JobCondition::getReason)).isEqualTo("CancelFailed");
        assertThat(h.status().getPhase()).isEqualTo(Phase.Running);
        h.sim.faults().clear();
        h.pass();
        assertThat(h.sim.job(jobId).snapshot().status()).isEqualTo("CANCELED");
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Failed);
        assertThat(h.status().getError().getCode()).isEqualTo("DeadlineExceeded");
    }

    @Test
    void anUnknownRemoteStatusStillGetsTheSuspendCancelAndARefusalIsNotTakenAsDone() {
        ReconcileHarness h = harness().create("novel", j -> { });
        String jobId = running(h, 100);
        h.sim.job(jobId).setStatus("WARMING_UP");
        assertThat(h.pass().status().getRemoteStatus()).isEqualTo("WARMING_UP");
        h.editSpec(j -> j.getSpec().setSuspend(true));
        ReconcileHarness.Pass pass = h.pass();
        assertThat(pass.sent(Operation.CANCEL)).isEqualTo(1);
        // The simulator refuses to cancel in a state it does not know: reported, and tried again later.
        assertThat(condition(pass.status(), "Synced", JobCondition::getReason)).isEqualTo("CancelRefused");
        assertThat(pass.status().getPhase()).isEqualTo(Phase.Running);
        h.sim.job(jobId).setStatus("RUNNING");
        h.advance(pass.rescheduleAfter());
        assertThat(h.pass().sent(Operation.CANCEL)).isEqualTo(1);
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Suspended);
    }

    @Test
    void theDeadlineCancelsAJobInAnUnknownState() {
        ReconcileHarness h = harness().create("odd", j -> j.getSpec().setActiveDeadlineSeconds(30L));
        String jobId = running(h, 100);
        h.sim.job(jobId).setStatus("WARMING_UP");
        h.advance(Duration.ofSeconds(31));
        assertThat(h.pass().sent(Operation.CANCEL)).isEqualTo(1);
    }

    @Test
    void aStatusAnswerWithoutAStatusKeepsTheLastKnownStateAndTheSuspendStillCancels() {
        AnswersWithoutStatus[] api = new AnswersWithoutStatus[1];
        ReconcileHarness h = track(new ReconcileHarness(client, real -> api[0] = new AnswersWithoutStatus(real)))
                .create("mute", j -> { });
        String jobId = running(h, 100);
        api[0].statusReadsToo(true);
        ReconcileHarness.Pass pass = h.pass();
        assertThat(pass.status().getRemoteStatus()).isEqualTo("RUNNING");
        assertThat(condition(pass.status(), "Synced", JobCondition::getReason)).isEqualTo("IncompleteAnswer");
        h.editSpec(j -> j.getSpec().setSuspend(true));
        assertThat(h.pass().sent(Operation.CANCEL)).isEqualTo(1);
        assertThat(h.sim.job(jobId).snapshot().status()).isEqualTo("CANCELED");
    }

    @Test
    void aCancelAnsweredWithoutAStatusIsSentOnceAndConfirmedByTheNextRead() {
        ReconcileHarness h = track(new ReconcileHarness(client, AnswersWithoutStatus::new)).create("quiet", j -> { });
        String jobId = running(h, 100);
        h.editSpec(j -> j.getSpec().setSuspend(true));
        ReconcileHarness.Pass cancel = h.pass();
        assertThat(cancel.sent(Operation.CANCEL)).isEqualTo(1);
        assertThat(cancel.status().getLastControl().getState()).isEqualTo(ControlState.Sent);
        assertThat(cancel.rescheduleAfter()).isLessThan(Duration.ofSeconds(1));
        ReconcileHarness.Pass confirm = h.pass();
        assertThat(confirm.sent(Operation.CANCEL)).isZero();
        assertThat(confirm.status().getLastControl().getState()).isEqualTo(ControlState.Done);
        assertThat(confirm.status().getPhase()).isEqualTo(Phase.Suspended);

        h.editSpec(j -> j.getSpec().setSuspend(false));
        ReconcileHarness.Pass resume = h.pass();
        assertThat(resume.sent(Operation.RESUME)).isEqualTo(1);
        assertThat(h.pass().sent(Operation.RESUME)).isZero();
        assertThat(h.status().getPhase()).isEqualTo(Phase.Queued);
        assertThat(h.sim.count(Operation.RESUME, jobId)).isEqualTo(1);
    }

    @Test
    void deletingRightAfterAResumeReadsTheJobAndCancelsIt() {
        ReconcileHarness h = track(new ReconcileHarness(client, AnswersWithoutStatus::new))
                .create("resumed", j -> j.getSpec().setAutoResume(new AutoResume(1)));
        String jobId = running(h, 300);
        h.sim.job(jobId).stopEarly();
        ReconcileHarness.Pass resume = h.pass();
        assertThat(resume.sent(Operation.RESUME)).isEqualTo(1);
        assertThat(resume.status().getRemoteStatus()).isEqualTo("STOPPED"); // not yet seen to take effect
        h.delete();
        assertThat(h.sim.count(Operation.CANCEL, jobId)).isEqualTo(1);
        assertThat(h.sim.job(jobId).snapshot().status()).isEqualTo("CANCELED");
    }

    @Test
    void timeSpentSuspendedDoesNotCountTowardsTheDeadline() {
        ReconcileHarness h = harness().create("paused", j -> j.getSpec().setActiveDeadlineSeconds(100L));
        running(h, 100);
        h.advance(Duration.ofSeconds(50));
        h.pass();
        h.editSpec(j -> j.getSpec().setSuspend(true));
        h.pass();
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Suspended);
        h.advance(Duration.ofHours(3));
        h.editSpec(j -> j.getSpec().setSuspend(false));
        assertThat(h.pass().sent(Operation.RESUME)).isEqualTo(1);
        assertThat(h.status().getActiveSeconds()).isEqualTo(50L);
        h.advance(Duration.ofSeconds(49));
        assertThat(h.pass().sent(Operation.CANCEL)).isZero();
        h.advance(Duration.ofSeconds(2));
        assertThat(h.pass().sent(Operation.CANCEL)).isEqualTo(1);
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Failed);
    }

    @Test
    void unsuspendingPastTheDeadlineFailsTheJobWithAnEventInsteadOfStayingSuspended() {
        ReconcileHarness h = harness().create("late", j -> j.getSpec().setActiveDeadlineSeconds(100L));
        running(h, 100);
        h.advance(Duration.ofSeconds(50));
        h.editSpec(j -> j.getSpec().setSuspend(true));
        h.pass();
        h.pass();
        h.editSpec(j -> {
            j.getSpec().setActiveDeadlineSeconds(30L);
            j.getSpec().setSuspend(false);
        });
        ReconcileHarness.Pass pass = h.pass();
        assertThat(pass.sent(Operation.RESUME)).isZero();
        assertThat(pass.status().getPhase()).isEqualTo(Phase.Failed);
        assertThat(pass.status().getError().getCode()).isEqualTo("DeadlineExceeded");
        assertThat(condition(pass.status(), "Finished", JobCondition::getStatus)).isEqualTo("True");
        assertThat(h.eventReasons()).contains("DeadlineExceeded");
    }

    @Test
    void anInvalidJobIsFinishedSoKubectlWaitDoesNotHang() {
        ReconcileHarness h = harness().create("bad", j -> ((ObjectNode) j.getSpec().getConfig()).remove("job"));
        ReconcileHarness.Pass pass = h.pass();
        assertThat(pass.status().getPhase()).isEqualTo(Phase.Invalid);
        assertThat(condition(pass.status(), "Finished", JobCondition::getStatus)).isEqualTo("True");
        assertThat(pass.status().getReason()).isEqualTo("InvalidConfig");
        assertThat(pass.requests()).isEmpty();
    }

    @Test
    void anInterruptedJobWithNoResumeLeftOrPastItsDeadlineIsFinished() {
        ReconcileHarness none = harness().create("once", j -> { });
        String jobId = running(none, 300);
        none.sim.job(jobId).stopEarly();
        ReconcileHarness.Pass pass = none.pass();
        assertThat(pass.status().getPhase()).isEqualTo(Phase.Interrupted);
        assertThat(condition(pass.status(), "Finished", JobCondition::getStatus)).isEqualTo("True");
        assertThat(pass.status().getReason()).isEqualTo("NoResumeLeft");

        ReconcileHarness late = harness().create("late", j -> {
            j.getSpec().setAutoResume(new AutoResume(3));
            j.getSpec().setActiveDeadlineSeconds(60L);
        });
        String lateId = running(late, 300);
        late.advance(Duration.ofSeconds(30));
        late.pass();
        late.sim.job(lateId).stopEarly();
        late.advance(Duration.ofSeconds(31)); // the stop is seen after the deadline: never resumed
        ReconcileHarness.Pass seen = late.pass();
        assertThat(seen.sent(Operation.RESUME)).isZero();
        assertThat(seen.status().getPhase()).isEqualTo(Phase.Interrupted);
        assertThat(condition(seen.status(), "Finished", JobCondition::getStatus)).isEqualTo("True");
    }

    @Test
    void progressIsMeasuredAgainstTheSubmittedConfigWhileAnEditWaits() {
        ReconcileHarness h = harness().create("tuned", j -> { });
        String jobId = running(h, 100);
        h.editSpec(j -> {
            ObjectNode process = (ObjectNode) j.getSpec().getConfig().path("config").path("process").get(0);
            ((ObjectNode) process.path("train")).put("steps", 4000);
            ((ObjectNode) process.path("save")).put("save_every", 2000);
        });
        h.sim.job(jobId).advanceTo(500);
        ReconcileHarness.Pass pass = h.pass();
        assertThat(condition(pass.status(), "Synced", JobCondition::getReason)).isEqualTo("ActiveJob");
        // save_every 250 as submitted: step 500 passed two save points, so the checkpoints were read.
        assertThat(pass.sent(Operation.RESULT)).isEqualTo(1);
        assertThat(pass.status().getArtifacts().getCheckpoints()).hasSize(2);
        assertThat(pass.status().getProgress().getTotalSteps()).isEqualTo(1000L);
    }

    @Test
    void aJobIdAnsweredButNotWrittenIsRecoveredNotMadeUncertain() {
        ReconcileHarness h = harness().create("kept", j -> { });
        // The POST succeeds; the status write after it fails (API server trouble): the pass fails.
        h.store().failAfterNextWrite(500);
        try {
            h.pass();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException expected) {
            // JOSDK would retry the reconcile
        }
        assertThat(h.status().getSubmission().getState()).isEqualTo(SubmissionState.Pending);
        assertThat(h.sim.count(Operation.SUBMIT)).isEqualTo(1);
        ReconcileHarness.Pass retry = h.pass();
        assertThat(retry.sent(Operation.SUBMIT)).isZero();
        assertThat(retry.status().getJobId()).isEqualTo(h.sim.jobs().get(0).id());
        assertThat(retry.status().getSubmission().getState()).isEqualTo(SubmissionState.Succeeded);
        assertThat(retry.status().getPhase()).isNotEqualTo(Phase.Unknown);
    }

    private static dev.loraoperator.api.v1alpha1.LoraDataset dataset(String namespace, String name,
            dev.loraoperator.api.v1alpha1.DatasetPhase phase, String remoteName) {
        var dataset = new dev.loraoperator.api.v1alpha1.LoraDataset();
        dataset.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withNamespace(namespace)
                .withName(name).withGeneration(1L).build());
        dataset.setSpec(new dev.loraoperator.api.v1alpha1.LoraDatasetSpec());
        var status = new dev.loraoperator.api.v1alpha1.LoraDatasetStatus();
        status.setPhase(phase);
        status.setRemoteName(remoteName);
        status.setObservedGeneration(1L);
        dataset.setStatus(status);
        return dataset;
    }

    @Test
    void aJobNamingALoraDatasetWaitsUntilItIsReadyThenTrainsOnItsRemoteName() {
        ReconcileHarness h = harness().create("on-corgis", j -> ((ObjectNode) j.getSpec().getConfig().path("config")
                .path("process").get(0).path("datasets").get(0)).put("folder_path", "corgis"));
        client.resource(dataset(h.namespace(), "corgis", dev.loraoperator.api.v1alpha1.DatasetPhase.Uploading, null))
                .create();
        ReconcileHarness.Pass waiting = h.pass();
        assertThat(waiting.sent(Operation.SUBMIT)).isZero();
        assertThat(waiting.status().getPhase()).isEqualTo(Phase.Pending);
        assertThat(waiting.status().getReason()).isEqualTo("DatasetNotReady");
        assertThat(condition(waiting.status(), "DatasetsReady", JobCondition::getStatus)).isEqualTo("False");
        assertThat(condition(waiting.status(), "DatasetsReady", JobCondition::getMessage)).contains("corgis");
        assertThat(h.eventReasons()).containsOnlyOnce("DatasetNotReady");
        assertThat(h.pass().sent(Operation.SUBMIT)).isZero();
        assertThat(h.eventReasons()).containsOnlyOnce("DatasetNotReady");

        client.resource(dataset(h.namespace(), "corgis", dev.loraoperator.api.v1alpha1.DatasetPhase.Ready,
                "team-corgis")).update();
        ReconcileHarness.Pass submitted = h.pass();
        assertThat(submitted.sent(Operation.SUBMIT)).isEqualTo(1);
        assertThat(submitted.requests().get(submitted.requests().size() - 1).body())
                .contains("/app/ai-toolkit/datasets/team-corgis");
        assertThat(h.eventReasons()).contains("ConfigAdjusted");
    }

    @Test
    void aJobThatRanOnALoraDatasetIsNotEditedOrResumedWhenTheLoraDatasetIsDeletedLater() {
        ReconcileHarness h = harness().create("trained", j -> ((ObjectNode) j.getSpec().getConfig().path("config")
                .path("process").get(0).path("datasets").get(0)).put("folder_path", "corgis"));
        client.resource(dataset(h.namespace(), "corgis", dev.loraoperator.api.v1alpha1.DatasetPhase.Ready,
                "team-corgis")).create();
        String jobId = running(h, 100);
        assertThat(h.status().getSubmission().getDatasets()).containsEntry("corgis", "team-corgis");
        h.sim.job(jobId).complete();
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Succeeded);

        client.resource(dataset(h.namespace(), "corgis", dev.loraoperator.api.v1alpha1.DatasetPhase.Ready,
                "team-corgis")).delete();
        h.restartOperator(); // nothing remembered in memory either
        h.advance(Duration.ofMinutes(10));
        ReconcileHarness.Pass after = h.pass();

        assertThat(after.requests()).as("the job runs what it ran: nothing to edit or resume").isEmpty();
        assertThat(after.status().getPhase()).isEqualTo(Phase.Succeeded);
        assertThat(condition(after.status(), "Synced", JobCondition::getStatus)).isEqualTo("True");
    }

    @Test
    void aFailedLoraDatasetIsReportedAndNothingIsSubmitted() {
        ReconcileHarness h = harness().create("on-broken", j -> ((ObjectNode) j.getSpec().getConfig().path("config")
                .path("process").get(0).path("datasets").get(0)).put("folder_path", "/app/ai-toolkit/datasets/broken"));
        client.resource(dataset(h.namespace(), "broken", dev.loraoperator.api.v1alpha1.DatasetPhase.Failed, null))
                .create();
        ReconcileHarness.Pass pass = h.pass();
        assertThat(pass.sent(Operation.SUBMIT)).isZero();
        assertThat(condition(pass.status(), "Accepted", JobCondition::getReason)).isEqualTo("DatasetFailed");
        assertThat(h.eventReasons()).contains("DatasetFailed");
    }

    /** A job with its own credentials Secret in its namespace, running at step 100. */
    private String runningWithOwnSecret(ReconcileHarness h) {
        client.secrets().inNamespace(h.namespace()).resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata().withName("team-token").endMetadata()
                .withStringData(java.util.Map.of("api-token", ReconcileHarness.TOKEN)).build()).create();
        return running(h, 100);
    }

    private static ReconcileHarness ownSecret(ReconcileHarness h, String name) {
        return h.create(name, j -> j.getSpec().setCredentialsSecretRef(
                new dev.loraoperator.api.v1alpha1.SecretKeyReference("team-token", "api-token")));
    }

    @Test
    void aNamespaceTornDownWithItsSecretStillCancelsTheJobWithTheLastTokenRead() {
        ReconcileHarness h = ownSecret(harness(), "teardown");
        String jobId = runningWithOwnSecret(h);
        client.secrets().inNamespace(h.namespace()).withName("team-token").delete(); // deleted with the namespace
        h.advance(Duration.ofMinutes(10)); // past the Secret cache: the Secret is read again and is gone

        io.javaoperatorsdk.operator.api.reconciler.DeleteControl deleted = h.delete();

        assertThat(h.sim.job(jobId).snapshot().status()).isEqualTo("CANCELED");
        assertThat(deleted.isRemoveFinalizer()).as("released once the cancel is confirmed").isTrue();
        assertThat(h.eventReasons()).doesNotContain("CredentialsGone");
    }

    @Test
    void withoutAnyTokenTheDeletionWaitsAndSaysCredentialsGoneInTheStatusUntilTheUserChoosesOrphan() {
        ReconcileHarness h = ownSecret(harness(), "stranded");
        String jobId = runningWithOwnSecret(h);
        client.secrets().inNamespace(h.namespace()).withName("team-token").delete();
        h.restartOperator(); // the token read before is gone with the old process
        h.advance(Duration.ofMinutes(10));

        io.javaoperatorsdk.operator.api.reconciler.DeleteControl waiting = h.delete();

        assertThat(waiting.isRemoveFinalizer()).isFalse();
        assertThat(waiting.getScheduleDelay()).isPresent();
        assertThat(h.sim.count(Operation.CANCEL, jobId)).isZero();
        assertThat(h.sim.job(jobId).snapshot().status()).isEqualTo("RUNNING");
        assertThat(condition(h.status(), "Synced", JobCondition::getStatus)).isEqualTo("False");
        assertThat(condition(h.status(), "Synced", JobCondition::getReason)).isEqualTo("CredentialsGone");
        assertThat(condition(h.status(), "Synced", JobCondition::getMessage)).contains(jobId, "deletionPolicy: Orphan")
                .doesNotContain(ReconcileHarness.TOKEN);
        assertThat(h.status().getReason()).isEqualTo("CredentialsGone");
        assertThat(h.status().getJobId()).as("what was learned stays").isEqualTo(jobId);
        assertThat(h.eventReasons()).contains("CredentialsGone");
        int writes = h.store().writes().size();
        assertThat(h.delete().isRemoveFinalizer()).isFalse();
        assertThat(h.store().writes()).as("the same word is not written again").hasSize(writes);

        h.editSpec(j -> j.getSpec().setDeletionPolicy(dev.loraoperator.api.v1alpha1.DeletionPolicy.Orphan));
        assertThat(h.delete().isRemoveFinalizer()).isTrue();
        assertThat(h.eventReasons()).contains("RemoteJobOrphaned");
    }

    @Test
    void aRefusedCancelDuringDeletionKeepsTheResourceAndSaysCancelFailedInTheStatus() {
        ReconcileHarness h = harness().create("refused", j -> { });
        String jobId = running(h, 100);
        h.sim.faults().refuse(Operation.CANCEL, 1, 409, 40900, "job is busy");

        io.javaoperatorsdk.operator.api.reconciler.DeleteControl refused = h.delete();

        assertThat(refused.isRemoveFinalizer()).isFalse();
        assertThat(condition(h.status(), "Synced", JobCondition::getReason)).isEqualTo("CancelFailed");
        assertThat(condition(h.status(), "Synced", JobCondition::getMessage)).contains(jobId, "job is busy");
        assertThat(h.delete().isRemoveFinalizer()).as("the retry reads, cancels and is released").isTrue();
        assertThat(h.sim.job(jobId).snapshot().status()).isEqualTo("CANCELED");
    }

    @Test
    void adoptingAJobIdAnotherResourceRecordsIsRefusedWithAdoptConflictAndNothingIsSent() {
        ReconcileHarness first = harness().create("owner", j -> { });
        String jobId = running(first, 100);
        dev.loraoperator.api.v1alpha1.LoraTrainingJob owner = first.store().stored();
        owner.getMetadata().setResourceVersion(null);
        client.resource(owner).create(); // the owner as the API server holds it, status and all

        ReconcileHarness h = harness().create("thief", j -> j.getMetadata().setAnnotations(
                java.util.Map.of(dev.loraoperator.api.v1alpha1.LoraTrainingJob.ADOPT_JOB_ID, jobId)));
        ReconcileHarness.Pass refused = h.pass();

        assertThat(refused.requests()).as("no call for a job another resource owns").isEmpty();
        assertThat(refused.status().getJobId()).isNull();
        assertThat(condition(refused.status(), "Synced", JobCondition::getReason)).isEqualTo("AdoptConflict");
        assertThat(condition(refused.status(), "Synced", JobCondition::getMessage))
                .contains(jobId, first.namespace() + "/owner");
        assertThat(h.eventReasons()).containsOnlyOnce("AdoptConflict");
        h.pass();
        assertThat(h.eventReasons()).as("reported once, not every pass").containsOnlyOnce("AdoptConflict");

        client.resource(owner).delete(); // the owner goes (deletionPolicy: Orphan): now the job can be adopted
        ReconcileHarness.Pass adopted = h.pass();
        assertThat(adopted.status().getJobId()).isEqualTo(jobId);
        assertThat(h.eventReasons()).contains("Adopted");
        assertThat(h.sim.count(Operation.SUBMIT)).as("adopted, never submitted").isZero();
    }

    @Test
    void underATightRateLimitAHeldBackPollComesBackWithinSecondsAndAnEndedJobStillGetsItsFinalArtifacts() {
        ReconcileHarness h = track(new ReconcileHarness(client, api -> api, 1.0)).create("tight", j -> { });
        assertThat(h.pass().sent(Operation.SUBMIT)).isEqualTo(1);
        String jobId = h.jobId();
        h.sim.job(jobId).start().advanceTo(100);
        h.advance(Duration.ofSeconds(10));
        assertThat(h.pass().status().getPhase()).isEqualTo(Phase.Running);

        ReconcileHarness.Pass held = h.pass(); // at once: the bucket has no slot for a poll
        assertThat(held.requests()).isEmpty();
        assertThat(held.rescheduleAfter()).as("back once a slot is free, not an interval later")
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(held.status().getPhase()).isEqualTo(Phase.Running);

        h.sim.job(jobId).complete();
        h.advance(Duration.ofSeconds(10)); // two slots: the poll takes one and leaves one for urgent calls
        ReconcileHarness.Pass ended = h.pass();
        assertThat(ended.sent(Operation.STATUS)).isEqualTo(1);
        assertThat(ended.sent(Operation.RESULT)).as("the end's artifacts are read in the same look").isEqualTo(1);
        assertThat(ended.status().getPhase()).isEqualTo(Phase.Succeeded);
        assertThat(ended.status().getArtifacts().getLatestCheckpoint().getName()).as("the final model")
                .isEqualTo(ended.status().getSubmission().getConfigName() + ".safetensors");
    }
}
