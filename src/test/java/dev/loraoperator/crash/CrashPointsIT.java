package dev.loraoperator.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.api.v1alpha1.AutoResume;
import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.crash.HoldingDispatcher.Effect;
import dev.loraoperator.crash.HoldingDispatcher.Hold;
import dev.loraoperator.sandbox.Kubeconfig;
import dev.loraoperator.sandbox.OperatorProcess;
import dev.loraoperator.scale.MockApiServer;
import dev.loraoperator.scale.TestCluster;
import dev.loraoperator.simulator.JobSnapshot;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import dev.loraoperator.status.Times;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged operator killed with SIGKILL at each point where a crash could cost money (docs/reliability.md,
 * "Crash points"), then started again: no job is submitted twice, no remote job keeps running without a resource that
 * records it, and each resource ends with its job id or in phase Unknown with the way out. Unknown ones are then
 * resolved as a user would, with the adopt or retry annotation, and trained to the end. One operator process at a
 * time; each kill's successor is the operator the next point runs against. Orphans are counted across all resources,
 * so a point that leaves one fails the later points too: the first failure is the one to read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashPointsIT {

    private static final Path DIR = Path.of("target", "crash-points-it").toAbsolutePath();
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String TOKEN = "crash-token";
    private static final Duration HANG = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Set<String> ACTIVE = Set.of("IN_QUEUE", "RUNNING", "RESUMING");
    /** Longer than Decider.CONFIRMATION_GRACE (2 min). */
    private static final Duration DOWN = Duration.ofMinutes(3);

    private static HoldingDispatcher dispatcher;
    private static KubernetesMockServer api;
    private static KubernetesClient client;
    private static TrainerSimulator trainer;
    private static Path kubeconfig;
    private static OperatorProcess operator;
    private static Path operatorLog;
    private static int started;
    private static final List<String> table = new ArrayList<>();

    @BeforeAll
    static void startTheOperator() {
        dispatcher = new HoldingDispatcher();
        api = MockApiServer.start(dispatcher);
        client = TestCluster.client(MockApiServer.url(api));
        TestCluster.install(client, TOKEN);
        kubeconfig = Kubeconfig.write(DIR.resolve("kubeconfig"), MockApiServer.url(api));
        // manual: remote jobs move only when a test moves them, so each crash point is reached on purpose
        trainer = TrainerSimulator.start(0, TOKEN, Timeline.manual());
        startOperator();
    }

    @AfterAll
    static void stopEverything() {
        System.out.println("\nCrash points: the operator SIGKILLed, then started again (" + started + " starts)\n"
                + "| crash point | after the restart | user action | submits | duplicates | orphans | calls | end |\n"
                + "|---|---|---|---:|---:|---:|---|---|");
        table.forEach(System.out::println);
        if (operator != null) {
            operator.close();
        }
        if (trainer != null) {
            trainer.close();
        }
        if (client != null) {
            client.close();
        }
        if (api != null) {
            api.destroy();
        }
    }

    @Test
    @Order(1)
    void afterThePendingWriteBeforeThePost() {
        String name = "crash-a-pending";
        // the write that records Pending is stored, its answer held: the POST would come right after it
        Hold pending = dispatcher.holdStatusWrite(name, s -> "Pending".equals(s.path("submission").path("state")
                .asText()) && !s.hasNonNull("jobId"), Effect.STORED);
        create(name, job -> { });
        String attempt = arrived(pending).path("submission").path("attemptId").asText();
        assertThat(remoteJobs(name)).as("nothing was sent before the kill").isEmpty();

        killAndRestart();

        LoraTrainingJobStatus after = awaitStatus(name, s -> s.getPhase() == Phase.Unknown);
        assertUncertainWithInstructions(name, after, attempt);
        assertThat(remoteJobs(name)).isEmpty();
        assertThat(orphans()).isEmpty();
        String found = summary(after) + ", 0 remote jobs";
        // the user finds no job named after config.name in the account: submit again, once
        annotate(name, LoraTrainingJob.RETRY_SUBMISSION, attempt);
        String jobId = awaitStatus(name, s -> s.getJobId() != null).getJobId();
        finish(name, jobId);
        record("(a) after the Pending write, before the POST", found, name, "retry-submission");
    }

    @Test
    @Order(2)
    void whileThePostIsInFlight() {
        String name = "crash-b-in-flight";
        trainer.faults().hang(Operation.SUBMIT, 1, HANG);
        create(name, job -> { });
        // the simulator creates the job first, then holds the answer
        String remote = await().atMost(WAIT).until(() -> remoteJobs(name), jobs -> jobs.size() == 1).get(0).id();

        killAndRestart();

        LoraTrainingJobStatus after = awaitStatus(name, s -> s.getPhase() == Phase.Unknown);
        assertUncertainWithInstructions(name, after, after.getSubmission().getAttemptId());
        // the job the lost answer named runs, and only the Unknown resource can stand for it
        assertThat(orphans()).containsExactly(remote);
        assertThat(claimedByUnknown(remote)).as("the Unknown resource names the config of " + remote).isTrue();
        String found = summary(after) + ", 1 remote job it names by config.name";
        // the user finds the job named after config.name in the account and adopts it
        annotate(name, LoraTrainingJob.ADOPT_JOB_ID, remote);
        awaitStatus(name, s -> remote.equals(s.getJobId()));
        finish(name, remote);
        record("(b) while the POST is in flight", found, name, "adopt-job-id (id from the account)");
    }

    @Test
    @Order(3)
    void afterThePostAnsweredBeforeTheIdIsWritten() {
        String name = "crash-c-answered";
        // the write that would record the job id is lost and never answered
        Hold idWrite = dispatcher.holdStatusWrite(name, s -> s.hasNonNull("jobId"), Effect.LOST);
        create(name, job -> { });
        String answered = arrived(idWrite).path("jobId").asText();
        assertThat(remoteJobs(name)).extracting(JobSnapshot::id).containsExactly(answered);
        Path deadLog = operatorLog;

        killAndRestart();

        LoraTrainingJobStatus after = awaitStatus(name, s -> s.getPhase() == Phase.Unknown);
        assertUncertainWithInstructions(name, after, after.getSubmission().getAttemptId());
        assertThat(orphans()).containsExactly(answered);
        assertThat(claimedByUnknown(answered)).isTrue();
        // the only place the answer survived: the killed operator's log, which the user reads to adopt it
        assertThat(read(deadLog).contains("submitted remote job " + answered))
                .as("the log of the killed operator, " + deadLog + ", names " + answered).isTrue();
        String found = summary(after) + ", the answered id in the log of the killed operator";
        annotate(name, LoraTrainingJob.ADOPT_JOB_ID, answered);
        awaitStatus(name, s -> answered.equals(s.getJobId()));
        finish(name, answered);
        record("(c) after the POST answered, before the id is written", found, name, "adopt-job-id (id from the log)");
    }

    @Test
    @Order(4)
    void whileACancelIsInFlight() {
        String name = "crash-d-cancel";
        String jobId = running(name, job -> { });
        trainer.faults().hang(Operation.CANCEL, 1, HANG);
        client.resources(LoraTrainingJob.class).withName(name).edit(j -> {
            j.getSpec().setSuspend(true);
            return j;
        });
        awaitRemote(jobId, Set.of("CANCELED"), Operation.CANCEL);
        assertThat(status(name).getLastControl().getState()).as("at the kill").isEqualTo(ControlState.Requested);

        killAndRestart();

        LoraTrainingJobStatus after = awaitStatus(name, s -> s.getPhase() == Phase.Suspended);
        assertThat(after.getJobId()).isEqualTo(jobId);
        assertThat(after.getLastControl().getState()).isEqualTo(ControlState.Done);
        assertThat(trainer.count(Operation.CANCEL, jobId)).as("cancels sent").isEqualTo(1);
        assertThat(orphans()).isEmpty();
        record("(d) while a cancel (suspend) is in flight", summary(after), name, "none");
    }

    @Test
    @Order(5)
    void whileAResumeIsInFlight() {
        String name = "crash-d-resume";
        String jobId = running(name, job -> job.getSpec().setAutoResume(new AutoResume(1)));
        trainer.faults().hang(Operation.RESUME, 1, HANG);
        trainer.job(jobId).stopEarly(); // preempted: the operator resumes it by itself
        awaitRemote(jobId, ACTIVE, Operation.RESUME);
        assertThat(status(name).getLastControl().getState()).as("at the kill").isEqualTo(ControlState.Requested);

        killAndRestart();

        LoraTrainingJobStatus after = awaitStatus(name, s -> s.getLastControl() != null
                && s.getLastControl().getState() == ControlState.Done);
        assertThat(after.getJobId()).isEqualTo(jobId);
        assertThat(after.getLastControl().getAction()).isEqualTo(ControlAction.Resume);
        finish(name, jobId);
        assertThat(trainer.count(Operation.RESUME, jobId)).as("resumes sent").isEqualTo(1);
        record("(d) while a resume is in flight", summary(after), name, "none");
    }

    @Test
    @Order(6)
    void whileAnEditIsInFlight() {
        String name = "crash-d-edit";
        String jobId = interruptedThenEdited(name);
        int readsAtKill = trainer.count(Operation.STATUS, jobId);

        killAndRestart();

        // two status reads after the restart: the operator looked again, and again, and sent nothing more
        await().atMost(WAIT).until(() -> trainer.count(Operation.STATUS, jobId) >= readsAtKill + 2);
        LoraTrainingJobStatus after = status(name);
        assertThat(after.getJobId()).isEqualTo(jobId);
        assertThat(after.getLastControl().getAction()).isEqualTo(ControlAction.Edit);
        assertThat(condition(after, "Synced").getReason()).isEqualTo("ControlPending");
        assertThat(trainer.count(Operation.EDIT, jobId)).as("edits sent").isEqualTo(1);
        assertThat(trainer.count(Operation.RESUME, jobId)).as("resumes sent").isZero();
        assertThat(orphans()).isEmpty();
        record("(d) while an edit is in flight, back within 2 min", summary(after), name,
                "none: the edit is sent again after the 2 min grace (next point)");
    }

    @Test
    @Order(7)
    void whileAnEditIsInFlightDownLongerThanTheGrace() {
        String name = "crash-d-edit-late";
        String jobId = interruptedThenEdited(name);

        killAndRestart(downLongerThanTheGrace(name));

        // the edit may have happened: it is sent again (the same config), then the resume that applies it
        LoraTrainingJobStatus after = awaitStatus(name, s -> s.getLastControl().getAction() == ControlAction.Resume);
        finish(name, jobId);
        assertThat(trainer.count(Operation.EDIT, jobId)).as("edits sent").isEqualTo(2);
        assertThat(trainer.count(Operation.RESUME, jobId)).as("resumes sent").isEqualTo(1);
        record("(d) while an edit is in flight, down > 2 min", summary(after), name, "none");
    }

    @Test
    @Order(8)
    void afterTheResumeIsRecordedBeforeItsPost() {
        String name = "crash-d-resume-unsent";
        String jobId = running(name, job -> job.getSpec().setAutoResume(new AutoResume(1)));
        // the write that records the resume as Requested is stored, its answer held: the POST would come next
        Hold requested = dispatcher.holdStatusWrite(name, s -> "Resume".equals(s.path("lastControl").path("action")
                .asText()) && "Requested".equals(s.path("lastControl").path("state").asText()), Effect.STORED);
        trainer.job(jobId).stopEarly();
        arrived(requested);
        assertThat(trainer.count(Operation.RESUME, jobId)).as("resumes sent before the kill").isZero();

        killAndRestart(downLongerThanTheGrace(name));

        // the job still reads STOPPED: the resume never reached the API, so it is sent now, once
        LoraTrainingJobStatus after = awaitStatus(name, CrashPointsIT::active);
        finish(name, jobId);
        assertThat(trainer.count(Operation.RESUME, jobId)).as("resumes sent").isEqualTo(1);
        assertThat(status(name).getResumeCount()).as("auto-resume attempts used").isEqualTo(1);
        record("(d) after a resume is recorded, before its POST, down > 2 min", summary(after), name, "none");
    }

    @Test
    @Order(9)
    void duringTheFinalizersCancel() {
        String name = "crash-e-finalizer";
        String jobId = running(name, job -> { });
        trainer.faults().hang(Operation.CANCEL, 1, HANG);
        client.resources(LoraTrainingJob.class).withName(name).delete();
        awaitRemote(jobId, Set.of("CANCELED"), Operation.CANCEL);
        assertThat(status(name)).as("at the kill, the finalizer still holds the resource").isNotNull();

        killAndRestart();

        await().atMost(WAIT).until(() -> client.resources(LoraTrainingJob.class).withName(name).get() == null);
        assertThat(trainer.job(jobId).snapshot().status()).isEqualTo("CANCELED");
        assertThat(trainer.count(Operation.CANCEL, jobId)).as("cancels sent").isEqualTo(1);
        assertThat(orphans()).isEmpty();
        record("(e) during the finalizer's cancel", "resource deleted, remote job "
                + trainer.job(jobId).snapshot().status(), name, "none");
    }

    private static void startOperator() {
        Map<String, String> env = new java.util.LinkedHashMap<>(TestCluster.operatorSettings(kubeconfig,
                trainer.baseUrl(), Duration.ofMillis(300), 100));
        // the quick JIT only: a restart is on the suite's clock
        env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        operatorLog = DIR.resolve("operator-" + ++started + ".log");
        operator = OperatorProcess.start(JAR, env, operatorLog, new PrintStream(OutputStream.nullOutputStream()));
        operator.awaitReady(Duration.ofSeconds(90));
    }

    private static void killAndRestart() {
        killAndRestart(() -> { });
    }

    /** SIGKILL; {@code whileDown} runs while no operator runs; then a new operator process. */
    private static void killAndRestart(Runnable whileDown) {
        long pid = operator.pid();
        operator.kill();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("operator " + pid).isEmpty();
        whileDown.run();
        startOperator();
    }

    /**
     * The operator stays down longer than the grace a sent call has to show its effect: instead of waiting that
     * long, the time the call was recorded at moves back. Only the dead operator could have written it.
     */
    private static Runnable downLongerThanTheGrace(String name) {
        return () -> client.resources(LoraTrainingJob.class).withName(name).editStatus(j -> {
            Instant at = Times.parse(j.getStatus().getLastControl().getAt());
            j.getStatus().getLastControl().setAt(Times.format(at.minus(DOWN)));
            return j;
        });
    }

    private static void create(String name, Consumer<LoraTrainingJob> customize) {
        LoraTrainingJob job = TestCluster.job(name, Map.of(), 100, 50);
        customize.accept(job);
        client.resource(job).create();
    }

    /** A job submitted and RUNNING remotely, as the operator reports it. */
    private static String running(String name, Consumer<LoraTrainingJob> customize) {
        create(name, customize);
        String jobId = awaitStatus(name, s -> s.getJobId() != null).getJobId();
        trainer.job(jobId).start();
        awaitStatus(name, s -> s.getPhase() == Phase.Running);
        return jobId;
    }

    /** A job stopped early with no resume allowed, whose config then changes: the edit is held in flight. */
    private static String interruptedThenEdited(String name) {
        String jobId = running(name, job -> { });
        trainer.job(jobId).stopEarly(); // it stays Interrupted until the config changes
        awaitStatus(name, s -> s.getPhase() == Phase.Interrupted);
        String configBefore = trainer.job(jobId).snapshot().configYaml();
        trainer.faults().hang(Operation.EDIT, 1, HANG);
        client.resources(LoraTrainingJob.class).withName(name).edit(j -> {
            ((ObjectNode) j.getSpec().getConfig().path("config").path("process").get(0).path("train"))
                    .put("lr", 2.0e-4);
            return j;
        });
        // the simulator replaced the config, then held the answer
        await().atMost(WAIT).until(() -> !trainer.job(jobId).snapshot().configYaml().equals(configBefore));
        return jobId;
    }

    /** Waits until the simulator has processed the held call: it took effect although no answer came. */
    private static void awaitRemote(String jobId, Set<String> remoteStatus, Operation op) {
        await().atMost(WAIT).until(() -> trainer.count(op, jobId) == 1
                && remoteStatus.contains(trainer.job(jobId).snapshot().status()));
    }

    private static void finish(String name, String jobId) {
        awaitStatus(name, s -> jobId.equals(s.getJobId()) && active(s));
        trainer.job(jobId).complete();
        awaitStatus(name, s -> s.getPhase() == Phase.Succeeded);
        assertThat(remoteJobs(name)).extracting(JobSnapshot::id).containsExactly(jobId);
    }

    private static boolean active(LoraTrainingJobStatus status) {
        return status.getRemoteStatus() != null && ACTIVE.contains(status.getRemoteStatus());
    }

    private static JsonNode arrived(Hold hold) {
        try {
            return hold.status().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the held status write never came; see " + operatorLog, e);
        }
    }

    /** No job id, and both the Submitted condition and a Warning Event name the two ways out. */
    private static void assertUncertainWithInstructions(String name, LoraTrainingJobStatus status, String attempt) {
        assertThat(status.getJobId()).isNull();
        assertThat(status.getSubmission().getState()).isEqualTo(SubmissionState.Uncertain);
        assertThat(status.getSubmission().getAttemptId()).isEqualTo(attempt);
        String[] instructions = {LoraTrainingJob.ADOPT_JOB_ID + "=<job id>",
            LoraTrainingJob.RETRY_SUBMISSION + "=" + attempt};
        assertThat(condition(status, "Submitted").getReason()).isEqualTo("SubmissionUncertain");
        assertThat(condition(status, "Submitted").getMessage()).contains(instructions);
        await().atMost(WAIT).untilAsserted(() -> assertThat(client.v1().events().inNamespace(TestCluster.JOBS_NAMESPACE)
                .list().getItems()).anySatisfy(e -> {
                    assertThat(e.getInvolvedObject().getName()).isEqualTo(name);
                    assertThat(e.getType()).isEqualTo("Warning");
                    assertThat(e.getReason()).isEqualTo("SubmissionUncertain");
                    assertThat(e.getMessage()).contains(instructions);
                }));
    }

    private static JobCondition condition(LoraTrainingJobStatus status, String type) {
        return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    private static void annotate(String name, String key, String value) {
        client.resources(LoraTrainingJob.class).withName(name).edit(j -> {
            Map<String, String> annotations = new java.util.HashMap<>(Objects.requireNonNullElse(
                    j.getMetadata().getAnnotations(), Map.of()));
            annotations.put(key, value);
            j.getMetadata().setAnnotations(annotations);
            return j;
        });
    }

    private static LoraTrainingJobStatus awaitStatus(String name, Predicate<LoraTrainingJobStatus> condition) {
        try {
            return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> status(name),
                    s -> s != null && condition.test(s));
        } catch (ConditionTimeoutException e) {
            LoraTrainingJobStatus now = status(name);
            throw new AssertionError(name + " is " + (now == null ? "gone or without status" : summary(now))
                    + "; remote jobs of its config: " + remoteJobs(name).size() + "; see " + operatorLog, e);
        }
    }

    private static LoraTrainingJobStatus status(String name) {
        LoraTrainingJob job = client.resources(LoraTrainingJob.class).withName(name).get();
        return job == null ? null : job.getStatus();
    }

    /** The remote jobs submitted for a resource: the config name is the resource name. */
    private static List<JobSnapshot> remoteJobs(String name) {
        return trainer.jobs().stream().filter(j -> j.name().equals(TestCluster.configName(name))).toList();
    }

    /** Remote jobs that may be running (and costing money) that no resource records. */
    private static List<String> orphans() {
        List<String> recorded = client.resources(LoraTrainingJob.class).list().getItems().stream()
                .map(LoraTrainingJob::getStatus).filter(Objects::nonNull).map(LoraTrainingJobStatus::getJobId)
                .filter(Objects::nonNull).toList();
        return trainer.jobs().stream().filter(j -> ACTIVE.contains(j.status()) && !recorded.contains(j.id()))
                .map(JobSnapshot::id).toList();
    }

    /** An unrecorded remote job is accounted for when the resource of its config name says Unknown. */
    private static boolean claimedByUnknown(String jobId) {
        String configName = trainer.job(jobId).snapshot().name();
        return client.resources(LoraTrainingJob.class).list().getItems().stream()
                .anyMatch(j -> TestCluster.configName(j.getMetadata().getName()).equals(configName)
                        && j.getStatus() != null && j.getStatus().getPhase() == Phase.Unknown);
    }

    /** What the restarted operator reported: the phase, the job id, and the submission or last call. */
    private static String summary(LoraTrainingJobStatus s) {
        String id = s.getJobId() == null ? "no job id" : "job id kept";
        String what = s.getJobId() == null ? "submission " + (s.getSubmission() == null ? "none"
                : s.getSubmission().getState())
                : s.getLastControl() == null ? "no call" : s.getLastControl().getAction() + " "
                + s.getLastControl().getState();
        String synced = s.getConditions() == null ? "none" : s.getConditions().stream()
                .filter(c -> c.getType().equals("Synced")).map(JobCondition::getReason).findFirst().orElse("none");
        return s.getPhase() + ", " + id + ", " + what + " (Synced: " + synced + ")";
    }

    /** One line of the table: the remote ledger of this resource's config name, and orphans across all. */
    private static void record(String point, String found, String name, String userAction) {
        List<JobSnapshot> jobs = remoteJobs(name);
        String jobId = jobs.isEmpty() ? null : jobs.get(0).id();
        String calls = jobId == null ? "" : String.format("%d cancel, %d resume, %d edit",
                trainer.count(Operation.CANCEL, jobId), trainer.count(Operation.RESUME, jobId),
                trainer.count(Operation.EDIT, jobId));
        LoraTrainingJobStatus end = status(name);
        String ending = end == null ? "deleted" : end.getPhase().toString();
        String line = String.format("| %s | %s | %s | %d | %d | %d | %s | %s |", point, found, userAction,
                jobs.size(), Math.max(0, jobs.size() - 1), orphans().size(), calls, ending);
        System.out.println(line);
        table.add(line);
        assertThat(jobs).as("remote jobs of " + name).hasSize(1);
        assertThat(orphans()).as("remote jobs active without a resource that records them").isEmpty();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
