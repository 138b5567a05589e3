package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.events.EventRecorder;
import dev.loraoperator.metrics.OperatorMetrics;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.status.ConditionRules;
import dev.loraoperator.status.ConditionType;
import dev.loraoperator.status.Conditions;
import dev.loraoperator.status.PollSchedule;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Observe, validate, plan, act, record: one pass over a LoraTrainingJob. */
// Not generation-aware: the adopt/retry annotations change no generation but must be acted on.
// A bounded interval between reconciles: if retries of a failing reconcile run out (API server down for a
// while), the job is still picked up again, so a paid remote job is never left unfollowed for long.
@ControllerConfiguration(name = "loratrainingjob", finalizerName = LoraTrainingJob.FINALIZER,
        generationAwareEventProcessing = false,
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class LoraTrainingJobReconciler implements Reconciler<LoraTrainingJob>, Cleaner<LoraTrainingJob> {
    private final InputReader inputReader;
    private final Submitter submitter;
    private final Follower follower;
    private final StatusWriter writer;
    private final EventRecorder events;
    private final OperatorMetrics metrics;
    private final OperatorSettings settings;
    private final RemoteJobReleaser releaser;

    public LoraTrainingJobReconciler(InputReader inputReader, Submitter submitter, Follower follower,
            StatusWriter writer, EventRecorder events, OperatorMetrics metrics, OperatorSettings settings,
            RemoteJobReleaser releaser) {
        this.inputReader = inputReader;
        this.submitter = submitter;
        this.follower = follower;
        this.writer = writer;
        this.events = events;
        this.metrics = metrics;
        this.settings = settings;
        this.releaser = releaser;
    }

    @Override
    public UpdateControl<LoraTrainingJob> reconcile(LoraTrainingJob job, Context<LoraTrainingJob> context) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        LoraTrainingJobStatus before = job.getStatus();
        LoraTrainingJobStatus status = StatusWriter.copy(before);
        JobInputs inputs = inputReader.read(job);
        Pass pass = new Pass(job, status, inputs, now, events);
        Action action = Planner.plan(planInput(job, status, inputs, pass));
        pass.reportInputProblem();
        Duration delay = recheckConfigSource(job, act(action, pass, context));
        pass.finish();
        if (!StatusWriter.same(before, status)) {
            pass.job = writer.write(pass.job, status, context);
        }
        metrics.phase(job.getMetadata().getUid(), status.getPhase());
        return delay == null ? UpdateControl.noUpdate() : UpdateControl.<LoraTrainingJob>noUpdate().rescheduleAfter(delay);
    }

    @Override
    public DeleteControl cleanup(LoraTrainingJob job, Context<LoraTrainingJob> context) {
        DeleteControl control = releaser.release(job);
        if (control.isRemoveFinalizer()) {
            metrics.forget(job.getMetadata().getUid());
        }
        return control;
    }

    private PlanInput planInput(LoraTrainingJob job, LoraTrainingJobStatus status, JobInputs inputs, Pass pass) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String adopt = annotations == null ? null : blankToNull(annotations.get(LoraTrainingJob.ADOPT_JOB_ID));
        String retry = annotations == null ? null : blankToNull(annotations.get(LoraTrainingJob.RETRY_SUBMISSION));
        return new PlanInput(status, job.getSpec().suspendRequested(), adopt, retry, inputs.missing(),
                inputs.configInvalid(), inputs.fingerprint(String.valueOf(job.getSpec().getGpuType()),
                        job.getSpec().gpuCountOrDefault()),
                Conditions.isTrue(status.getConditions(), ConditionType.Synced.name()), pass.remoteWorkPending());
    }

    private Duration act(Action action, Pass pass, Context<LoraTrainingJob> context) {
        LoraTrainingJobStatus status = pass.status;
        switch (action) {
            case AWAIT_INPUT -> {
                if (status.getPhase() == null) {
                    status.setPhase(Phase.Pending);
                }
                return settings.poll().retryInterval();
            }
            case REJECT_CONFIG -> {
                status.setPhase(Phase.Invalid);
                status.setError(new JobError("InvalidConfig", String.join("; ", pass.inputs.configProblems())));
                return null;
            }
            case MARK_UNCERTAIN, AWAIT_PERSON -> {
                boolean newlyUncertain = action == Action.MARK_UNCERTAIN;
                status.getSubmission().setState(dev.loraoperator.api.v1alpha1.SubmissionState.Uncertain);
                status.setPhase(Phase.Unknown);
                if (newlyUncertain) {
                    status.setError(new JobError("SubmissionUncertain",
                            "the operator stopped while submitting; the remote job may exist"));
                    events.record(pass.job, EventReason.SubmissionUncertain, ConditionRules.uncertainMessage(status));
                }
                return null;
            }
            case ADOPT -> {
                return follower.adopt(pass, context);
            }
            case SUBMIT -> {
                return submit(pass, context);
            }
            case HOLD_SUSPENDED -> {
                status.setPhase(Phase.Suspended);
                return null;
            }
            case HOLD_REFUSED -> {
                return null;
            }
            case IDLE -> {
                follower.settle(pass);
                return null;
            }
            case FOLLOW -> {
                return follower.follow(pass, context);
            }
        }
        throw new IllegalStateException("unhandled action " + action);
    }

    private Duration submit(Pass pass, Context<LoraTrainingJob> context) {
        if (pass.status.getSubmission() != null
                && pass.status.getSubmission().getState() == dev.loraoperator.api.v1alpha1.SubmissionState.Uncertain) {
            events.record(pass.job, EventReason.RetryingSubmission, "retry-submission annotation names attempt "
                    + pass.status.getSubmission().getAttemptId() + ": submitting once more");
        }
        pass.inputs.config().adjustments().forEach(note -> pass.event(EventReason.ConfigAdjusted, note));
        Submitter.Outcome outcome = submitter.submit(pass.job, context, pass.status, pass.inputs.credentials().token(),
                pass.inputs.config(), pass.inputs.fingerprint(pass.job.getSpec().getGpuType().name(),
                        pass.job.getSpec().gpuCountOrDefault()), s -> pass.finish(), pass.now);
        pass.job = outcome.job();
        if (outcome.retryAfter() != null) {
            return outcome.retryAfter();
        }
        return pass.status.getJobId() != null ? settings.poll().queuedInterval() : null;
    }

    /**
     * ConfigMaps are not watched (caching every ConfigMap of the cluster would cost more than it saves), so a
     * resource that reads its config from one is looked at again on the retry interval to see it change.
     */
    private Duration recheckConfigSource(LoraTrainingJob job, Duration delay) {
        if (job.getSpec().getConfigFrom() == null) {
            return delay;
        }
        Duration recheck = settings.poll().retryInterval();
        return delay == null || delay.compareTo(recheck) > 0 ? recheck : delay;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
