package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.credentials.CredentialsResolver;
import dev.loraoperator.events.EventRecorder;
import dev.loraoperator.trainer.TrainerException;
import dev.loraoperator.metrics.OperatorMetrics;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.status.JobEvents;
import dev.loraoperator.status.JobFacts;
import dev.loraoperator.status.JobStatusFunction;
import dev.loraoperator.status.Lifecycle;
import dev.loraoperator.status.Observation;
import dev.loraoperator.status.Outcome;
import dev.loraoperator.status.StatusCopy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One pass over a LoraTrainingJob: observe, decide once, act at most once, derive the status, write it if changed. */
// Not generation-aware: the adopt/retry annotations change no generation but must be acted on.
// A bounded interval between reconciles: if retries of a failing reconcile run out (API server down for a
// while), the job is still picked up again, so a paid remote job is never left unfollowed for long.
@ControllerConfiguration(name = "loratrainingjob", finalizerName = LoraTrainingJob.FINALIZER,
        generationAwareEventProcessing = false,
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class LoraTrainingJobReconciler implements Reconciler<LoraTrainingJob>, Cleaner<LoraTrainingJob> {
    private final InputReader inputReader;
    private final RemoteObserver observer;
    private final Submitter submitter;
    private final ControlSender controls;
    private final RemoteJobReleaser releaser;
    private final EventRecorder events;
    private final OperatorMetrics metrics;
    private final OperatorSettings settings;
    private final KubernetesClient client;
    private final Clock clock;
    private final PassCounter passes;
    private final CredentialsResolver credentials;
    private final DatasetWatch datasets;
    private final PollLoad pollLoad;

    public LoraTrainingJobReconciler(InputReader inputReader, RemoteObserver observer, Submitter submitter,
            ControlSender controls, RemoteJobReleaser releaser, EventRecorder events, OperatorMetrics metrics,
            OperatorSettings settings, KubernetesClient client, Clock clock, PassCounter passes,
            CredentialsResolver credentials, DatasetWatch datasets, PollLoad pollLoad) {
        this.inputReader = inputReader;
        this.observer = observer;
        this.submitter = submitter;
        this.controls = controls;
        this.releaser = releaser;
        this.events = events;
        this.metrics = metrics;
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        this.passes = passes;
        this.credentials = credentials;
        this.datasets = datasets;
        this.pollLoad = pollLoad;
    }

    @Override
    public UpdateControl<LoraTrainingJob> reconcile(LoraTrainingJob job, Context<LoraTrainingJob> context) {
        return reconcile(job, new ResourceStatusStore(context, client),
                JobIdOwners.among(() -> context.getPrimaryCache().list()));
    }

    /**
     * The pass itself, with the status store and the owners of job ids given: JOSDK's above, or the harness's.
     */
    UpdateControl<LoraTrainingJob> reconcile(LoraTrainingJob job, StatusStore store, JobIdOwners owners) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LoraTrainingJobStatus previous = StatusCopy.of(job.getStatus());
        JobInputs inputs = inputReader.read(job);
        long generation = job.getMetadata().getGeneration() == null ? 0 : job.getMetadata().getGeneration();
        JobFacts facts = new JobFacts(job.getSpec(), generation, inputs.accepted(), inputs.configInvalid(), now,
                settings.status().progressWriteInterval(), inputs.usesDatasets(), inputs.datasetsWaiting());
        Observation observation = Lifecycle.needsLook(previous) && inputs.credentials().available()
                ? observer.observe(inputs.credentials().token(), previous) : Observation.NONE;
        LoraTrainingJobStatus seen = JobStatusFunction.derive(previous, observation, new Outcome.Nothing(), facts);
        Decision decision = Decider.decide(decisionInput(job, seen, observation, inputs, owners, now));

        JobPass pass = new JobPass(job, previous, inputs, observation, facts, store);
        Outcome outcome = act(decision, pass);
        LoraTrainingJobStatus next = JobStatusFunction.derive(previous, observation, outcome, facts);
        pass.writeIfChanged(next);

        if (next.getJobId() != null) {
            submitter.recorded(job.getMetadata().getUid());
        }
        if (rejectedToken(observation, outcome)) {
            credentials.invalidate(job); // a changed Secret takes effect at once after a 401
        }
        JobEvents.between(previous, next, observation, outcome, facts)
                .forEach(e -> events.record(pass.resource(), e.reason(), e.message()));
        countSubmission(outcome);
        PassMetrics.record(metrics, job.getMetadata().getUid(), next, observation, outcome, now);
        PollBudget budget = pollLoad.track(job.getMetadata().getUid(), next);
        Duration delay = Schedule.afterHeldBack(Schedule.next(next, outcome, job.getSpec(), settings.poll(),
                budget.stretch(), now), observation.heldBack());
        passes.completed(job.getMetadata().getUid());
        return delay == null ? UpdateControl.noUpdate() : UpdateControl.<LoraTrainingJob>noUpdate().rescheduleAfter(delay);
    }

    /** LoraDatasets are watched: a job waiting for one is woken as soon as its phase changes. */
    @Override
    public List<EventSource<?, LoraTrainingJob>> prepareEventSources(EventSourceContext<LoraTrainingJob> context) {
        return List.of(datasets.eventSource(context));
    }

    @Override
    public DeleteControl cleanup(LoraTrainingJob job, Context<LoraTrainingJob> context) {
        return cleanup(job, new ResourceStatusStore(context, client));
    }

    /** The finalizer's pass, writing through {@code store} (the reconcile harness passes a recording one). */
    DeleteControl cleanup(LoraTrainingJob job, StatusStore store) {
        DeleteControl control = releaser.release(job, store);
        if (control.isRemoveFinalizer()) {
            metrics.forget(job.getMetadata().getUid());
            submitter.recorded(job.getMetadata().getUid());
            passes.forget(job.getMetadata().getUid());
            credentials.forget(job.getMetadata().getUid());
            pollLoad.forget(job.getMetadata().getUid());
        }
        return control;
    }

    private Outcome act(Decision decision, JobPass pass) {
        if (decision instanceof Decision.Submit submit) {
            return submitter.submit(pass, submit.retry());
        }
        if (decision instanceof Decision.Adopt adopt) {
            return submitter.adopt(pass, adopt);
        }
        if (decision instanceof Decision.Send send) {
            return controls.send(pass, send);
        }
        if (decision instanceof Decision.MarkUncertain uncertain) {
            return new Outcome.MarkedUncertain(uncertain.why());
        }
        if (decision instanceof Decision.Hold hold) {
            return new Outcome.Held(hold.reason(), hold.message());
        }
        return new Outcome.Nothing();
    }

    private DecisionInput decisionInput(LoraTrainingJob job, LoraTrainingJobStatus seen, Observation observation,
            JobInputs inputs, JobIdOwners owners, Instant now) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String attempt = seen.getSubmission() == null ? null : seen.getSubmission().getAttemptId();
        String adopt = seen.getJobId() == null ? annotation(annotations, LoraTrainingJob.ADOPT_JOB_ID) : null;
        return DecisionInput.of(job.getSpec(), seen, now).observation(observation)
                .adoptJobId(adopt)
                .adoptJobHeldBy(adopt == null ? null : owners.ownerOf(adopt, job.getMetadata().getUid()))
                .retryAttemptId(annotation(annotations, LoraTrainingJob.RETRY_SUBMISSION))
                .credentialsProblem(inputs.credentials().problem()).inputsMissing(inputs.missing())
                .configInvalid(inputs.configInvalid()).desiredConfig(inputs.config())
                .inputFingerprint(inputs.fingerprint(job.getSpec()))
                .rememberedJobId(attempt == null ? null : submitter.answeredJobId(job.getMetadata().getUid(), attempt))
                .build();
    }

    private void countSubmission(Outcome outcome) {
        if (outcome instanceof Outcome.Submitted) {
            metrics.submission("succeeded");
        } else if (outcome instanceof Outcome.SubmissionFailed failed) {
            metrics.submission(switch (failed.failure().outcome()) {
                case REFUSED -> "refused";
                case NOT_PROCESSED -> "deferred";
                case OUTCOME_UNKNOWN -> "uncertain";
            });
        }
    }

    private static boolean rejectedToken(Observation observation, Outcome outcome) {
        TrainerException failure = observation.failure() != null ? observation.failure()
                : outcome instanceof Outcome.SubmissionFailed f ? f.failure()
                : outcome instanceof Outcome.ControlFailed c ? c.failure() : null;
        return failure != null && failure.httpStatus() == 401;
    }

    private static String annotation(Map<String, String> annotations, String key) {
        String value = annotations == null ? null : annotations.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
