package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.trainer.TrainerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Events a pass records, from what changed between the previous and the new status and what the pass did. */
public final class JobEvents {
    private static final Map<Phase, EventReason> PHASE_EVENTS = Map.of(Phase.Queued, EventReason.Queued,
            Phase.Running, EventReason.Running, Phase.Succeeded, EventReason.Succeeded, Phase.Failed,
            EventReason.Failed, Phase.Interrupted, EventReason.Interrupted, Phase.Canceled, EventReason.Canceled,
            Phase.Suspended, EventReason.Suspended);
    /** Holds worth an Event: a config change waiting for the job to stop, an adoption refused. */
    private static final Map<String, EventReason> HELD_EVENTS = Map.of("ActiveJob", EventReason.ConfigChangeWaiting,
            "AdoptConflict", EventReason.AdoptConflict);

    /** One Event: its reason and its message. */
    public record JobEvent(EventReason reason, String message) {
    }

    private JobEvents() {
    }

    public static List<JobEvent> between(LoraTrainingJobStatus previous, LoraTrainingJobStatus next,
            Observation observation, Outcome outcome, JobFacts facts) {
        LoraTrainingJobStatus before = previous == null ? new LoraTrainingJobStatus() : previous;
        List<JobEvent> events = new ArrayList<>();
        inputProblem(before, facts, events);
        if (next.getJobId() == null && facts.datasetsWaiting() != null && !"DatasetNotReady".equals(Conditions
                .find(before.getConditions(), ConditionType.DatasetsReady.name()).map(JobCondition::getReason).orElse(null))) {
            events.add(new JobEvent(EventReason.DatasetNotReady, facts.datasetsWaiting() + "; submitted once it is"));
        }
        outcome(next, outcome, facts.spec(), events);
        held(before, outcome, events);
        if (observation.failure() != null && Conditions.isTrue(before.getConditions(), ConditionType.Synced.name())) {
            events.add(new JobEvent(EventReason.PollFailed, syncedMessage(next)));
        }
        if (observation.read() && next.getRemoteStatus() != null
                && RemoteStates.of(next.getRemoteStatus()) == RemoteStates.UNRECOGNIZED
                && !next.getRemoteStatus().equals(before.getRemoteStatus())) {
            events.add(new JobEvent(EventReason.UnknownRemoteStatus, SyncRule.unknownStatusMessage(next.getRemoteStatus())));
        }
        phaseChange(before, next, facts, events);
        return events;
    }

    /** An unusable spec, config or Secret is reported once per new problem, not on every retry. */
    private static void inputProblem(LoraTrainingJobStatus before, JobFacts facts, List<JobEvent> events) {
        Verdict accepted = facts.accepted();
        String previous = Conditions.find(before.getConditions(), ConditionType.Accepted.name())
                .filter(c -> Conditions.FALSE.equals(c.getStatus())).map(JobCondition::getMessage).orElse(null);
        if (!accepted.ok() && !Objects.equals(previous, accepted.message())) {
            // The Accepted reasons (MissingCredentials, MissingConfigSource, InvalidConfig) are Event reasons too.
            events.add(new JobEvent(EventReason.valueOf(accepted.reason()), accepted.message()));
        }
    }

    private static void outcome(LoraTrainingJobStatus next, Outcome outcome, LoraTrainingJobSpec spec,
            List<JobEvent> events) {
        if (outcome instanceof Outcome.Submitted s) {
            submitting(s.attempt(), events);
            events.add(new JobEvent(EventReason.Submitted, "submitted remote job " + s.remote().id() + " ("
                    + s.attempt().gpuType() + " x" + s.attempt().gpuCount() + ")"));
        } else if (outcome instanceof Outcome.SubmissionFailed f) {
            submitting(f.attempt(), events);
            TrainerException e = f.failure();
            switch (e.outcome()) {
                case REFUSED -> events.add(new JobEvent(EventReason.SubmissionRefused, e.getMessage()
                        + "; the operator retries only after the spec or the credentials Secret changes"));
                case NOT_PROCESSED -> events.add(new JobEvent(EventReason.SubmissionDeferred,
                        e.getMessage() + "; will submit again"));
                case OUTCOME_UNKNOWN -> events.add(new JobEvent(EventReason.SubmissionUncertain,
                        e.getMessage() + ". " + ConditionRules.uncertainMessage(next)));
            }
        } else if (outcome instanceof Outcome.MarkedUncertain) {
            events.add(new JobEvent(EventReason.SubmissionUncertain, ConditionRules.uncertainMessage(next)));
        } else if (outcome instanceof Outcome.Adopted a) {
            events.add(new JobEvent(EventReason.Adopted, "following remote job " + a.jobId() + " " + a.how()));
        } else if (outcome instanceof Outcome.ControlSent s) {
            controlSent(next, s.request(), spec, events);
        } else if (outcome instanceof Outcome.ControlFailed f) {
            ControlAction action = f.request().action();
            EventReason reason = action == ControlAction.Cancel ? EventReason.CancelFailed
                    : action == ControlAction.Edit ? EventReason.EditFailed : EventReason.ResumeFailed;
            boolean again = f.failure().outcome() != dev.loraoperator.trainer.Outcome.REFUSED
                    || action == ControlAction.Cancel;
            events.add(new JobEvent(reason, "the " + action.name().toLowerCase() + " of remote job " + next.getJobId()
                    + " failed: " + f.failure().getMessage() + (again ? "; will try again" : "")));
        }
    }

    /** A hold that needs a person is reported once, when it begins, not on every pass it lasts. */
    private static void held(LoraTrainingJobStatus before, Outcome outcome, List<JobEvent> events) {
        if (!(outcome instanceof Outcome.Held held) || !HELD_EVENTS.containsKey(held.reason())) {
            return;
        }
        String previous = Conditions.find(before.getConditions(), ConditionType.Synced.name())
                .map(JobCondition::getReason).orElse(null);
        if (!held.reason().equals(previous)) {
            events.add(new JobEvent(HELD_EVENTS.get(held.reason()), held.message()));
        }
    }

    private static void submitting(Outcome.SubmissionPending attempt, List<JobEvent> events) {
        if (attempt.retry()) {
            events.add(new JobEvent(EventReason.RetryingSubmission,
                    "the retry-submission annotation names the uncertain attempt: submitting once more (attempt "
                            + attempt.attemptId() + ")"));
        }
        attempt.config().adjustments().forEach(note -> events.add(new JobEvent(EventReason.ConfigAdjusted, note)));
    }

    private static void controlSent(LoraTrainingJobStatus next, Outcome.ControlRequested request,
            LoraTrainingJobSpec spec, List<JobEvent> events) {
        String jobId = next.getJobId();
        switch (request.action()) {
            case Cancel -> events.add(request.cause() == ControlCause.DeadlineExceeded
                    ? new JobEvent(EventReason.DeadlineExceeded, "activeDeadlineSeconds ("
                            + spec.getActiveDeadlineSeconds() + "s) of active time passed; the operator canceled remote job "
                            + jobId)
                    : new JobEvent(EventReason.CancelRequested, "spec.suspend is true: canceled remote job " + jobId
                            + "; set it back to false to resume from the latest checkpoint"));
            case Edit -> events.add(new JobEvent(EventReason.ConfigEdited, "sent the changed config to remote job "
                    + jobId));
            case Resume -> events.add(new JobEvent(request.cause() == ControlCause.AutoResume ? EventReason.AutoResumed
                    : EventReason.Resumed, "resumed remote job " + jobId + " (" + request.cause() + ")"
                    + (request.cause() != ControlCause.AutoResume ? "" : "; attempt " + next.getResumeCount() + " of "
                            + spec.autoResumeAttempts())));
        }
    }

    private static void phaseChange(LoraTrainingJobStatus before, LoraTrainingJobStatus next, JobFacts facts,
            List<JobEvent> events) {
        Phase phase = next.getPhase();
        EventReason reason = PHASE_EVENTS.get(phase);
        if (phase == before.getPhase() || reason == null || next.getJobId() == null) {
            return;
        }
        if (phase == Phase.Failed && PhaseRule.failedByDeadline(next, facts)
                && before.getPhase() == Phase.Suspended) {
            events.add(new JobEvent(EventReason.DeadlineExceeded, next.getError().getMessage()));
            return;
        }
        String detail = next.getError() != null && phase != Phase.Succeeded ? ": " + next.getError().getMessage() : "";
        String hint = phase == Phase.Interrupted && Lifecycle.isOver(next, facts.spec(), facts.now())
                ? interruptedHint(next, facts) : "";
        events.add(new JobEvent(reason, "remote job " + next.getJobId() + " is " + next.getRemoteStatus() + " (phase "
                + phase + ")" + detail + hint));
    }

    static String interruptedHint(LoraTrainingJobStatus status, JobFacts facts) {
        if (Lifecycle.deadlinePassed(facts.spec(), status, facts.now())) {
            return ". Its activeDeadlineSeconds of active time is used up, so it is not resumed; raise "
                    + "spec.activeDeadlineSeconds to let it continue";
        }
        int attempts = facts.spec().autoResumeAttempts();
        return ". The platform stopped it before the last step. To resume from the latest checkpoint, raise "
                + "spec.autoResume.maxAttempts above " + Math.max(attempts, status.getResumeCount() == null ? 0
                        : status.getResumeCount()) + " (each attempt is one resume)";
    }

    private static String syncedMessage(LoraTrainingJobStatus next) {
        return Conditions.find(next.getConditions(), ConditionType.Synced.name()).map(JobCondition::getMessage)
                .orElse("could not read the remote job");
    }
}
