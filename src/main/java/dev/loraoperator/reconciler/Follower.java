package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.settings.OperatorSettings;
import dev.loraoperator.status.ConditionType;
import dev.loraoperator.status.Conditions;
import dev.loraoperator.status.PhaseMapper;
import dev.loraoperator.status.PollSchedule;
import dev.loraoperator.status.RemoteStates;
import dev.loraoperator.status.Verdict;
import dev.loraoperator.trainer.TrainerException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Follows a submitted job: reads it, mirrors it into the status, and steers it as the spec asks. */
@ApplicationScoped
public class Follower {
    private static final Map<Phase, EventReason> PHASE_EVENTS = Map.of(Phase.Queued, EventReason.Queued,
            Phase.Running, EventReason.Running, Phase.Succeeded, EventReason.Succeeded, Phase.Failed,
            EventReason.Failed, Phase.Interrupted, EventReason.Interrupted, Phase.Canceled, EventReason.Canceled,
            Phase.Suspended, EventReason.Suspended);
    /** An edit is followed by its resume in the same pass; nothing else needs more than one call. */
    private static final int MAX_CALLS_PER_PASS = 2;

    private final RemoteObserver observer;
    private final ControlExecutor executor;
    private final Adopter adopter;
    private final OperatorSettings settings;

    public Follower(RemoteObserver observer, ControlExecutor executor, Adopter adopter, OperatorSettings settings) {
        this.observer = observer;
        this.executor = executor;
        this.adopter = adopter;
        this.settings = settings;
    }

    Duration adopt(Pass pass, Context<LoraTrainingJob> context) {
        adopter.adopt(pass);
        return follow(pass, context);
    }

    Duration follow(Pass pass, Context<LoraTrainingJob> context) {
        LoraTrainingJobStatus status = pass.status;
        if (!pass.inputs.credentials().available()) {
            pass.synced(Verdict.no("MissingCredentials", pass.inputs.credentials().problem()));
            return settings.poll().retryInterval();
        }
        ConfigFacts facts = ConfigFacts.of(pass.inputs.config() == null ? null : pass.inputs.config().yaml());
        boolean lastSyncFailed = !Conditions.isTrue(pass.before().getConditions(), ConditionType.Synced.name());
        RemoteView view = observer.observe(pass.inputs.credentials().token(), status, facts, lastSyncFailed);
        if (view.job() == null) {
            return pollFailed(pass, view.failure());
        }
        Phase previous = status.getPhase();
        RemoteStatusApplier.apply(status, view.job(), view.result(), facts, operatorCancel(status), pass.now);
        if (view.failure() != null) {
            pollFailed(pass, view.failure());
        } else if (RemoteStates.of(view.job().status()) == RemoteStates.UNRECOGNIZED) {
            unknownStatus(pass, view.job().status());
        } else {
            pass.synced(Verdict.yes("Synced", "the status mirrors remote job " + status.getJobId()));
        }
        Duration retry = steer(pass, context);
        refreshSyncTime(pass);
        announce(pass, previous);
        if (retry != null) {
            return retry;
        }
        Duration poll = PollSchedule.next(status.getPhase(), view.ok(), settings.poll()).orElse(null);
        return untilDeadline(pass, poll);
    }

    /** A settled job gets no remote call, but a blocked spec change must still be reported. */
    void settle(Pass pass) {
        Control control = ControlPlanner.decide(Controls.input(pass));
        if (control.kind() == Control.Kind.BLOCKED) {
            pass.synced(Verdict.no(control.reason(), control.message()));
        }
    }

    private Duration steer(Pass pass, Context<LoraTrainingJob> context) {
        Duration retry = null;
        for (int calls = 0; calls < MAX_CALLS_PER_PASS; calls++) {
            Control control = ControlPlanner.decide(Controls.input(pass));
            retry = executor.execute(pass, control, context, s -> pass.finish());
            ControlRecord last = pass.status.getLastControl();
            boolean done = control.kind() == Control.Kind.CALL && last != null && last.getState() == ControlState.Done;
            if (control.kind() == Control.Kind.CONFIRM || done) {
                LoraTrainingJobStatus status = pass.status;
                status.setPhase(PhaseMapper.phaseOf(status.getRemoteStatus(), status.getProgress(), null,
                        operatorCancel(status), status.getPhase()));
            }
            if (!done) {
                break;
            }
        }
        return retry;
    }

    /** Why the operator itself canceled the job, if it did: that decides Suspended or Failed instead of Canceled. */
    static ControlCause operatorCancel(LoraTrainingJobStatus status) {
        ControlRecord last = status.getLastControl();
        return last != null && last.getAction() == ControlAction.Cancel && last.getState() != ControlState.Refused
                ? last.getCause() : null;
    }

    private void unknownStatus(Pass pass, String remoteStatus) {
        String message = "the Trainer API reports status " + remoteStatus
                + ", which this operator does not know; still following the job";
        pass.synced(Verdict.no("UnknownRemoteStatus", message));
        if (!remoteStatus.equals(pass.before().getRemoteStatus())) {
            pass.event(EventReason.UnknownRemoteStatus, message);
        }
    }

    private Duration pollFailed(Pass pass, TrainerException failure) {
        String message = "could not read remote job " + pass.status.getJobId() + ": " + failure.getMessage()
                + "; showing the last known state";
        pass.synced(Verdict.no(failure.isNotFound() ? "RemoteJobNotFound" : "PollFailed", message));
        if (Conditions.isTrue(pass.before().getConditions(), ConditionType.Synced.name())) {
            pass.event(EventReason.PollFailed, message);
        }
        return failure.retryAfter().orElse(settings.poll().retryInterval());
    }

    /** An active job with a deadline is looked at again no later than the deadline itself. */
    private static Duration untilDeadline(Pass pass, Duration poll) {
        Instant deadline = ControlPlanner.deadline(pass.job.getSpec(), pass.status);
        if (deadline == null || !RemoteStates.of(pass.status.getRemoteStatus()).isActive()) {
            return poll;
        }
        Duration left = Duration.between(Instant.parse(pass.now), deadline).plusMillis(200);
        left = left.isNegative() ? Duration.ofMillis(200) : left;
        return poll == null || left.compareTo(poll) < 0 ? left : poll;
    }

    /** lastSyncTime moves with every change, and at most every few minutes otherwise, so idle polls write nothing. */
    private static void refreshSyncTime(Pass pass) {
        String last = pass.before().getLastSyncTime();
        boolean changed = !StatusWriter.same(withoutSyncTime(pass.before()), withoutSyncTime(pass.status));
        boolean stale = last == null
                || Instant.parse(last).plus(Duration.ofMinutes(5)).isBefore(Instant.parse(pass.now));
        pass.status.setLastSyncTime(changed || stale ? pass.now : last);
    }

    private static LoraTrainingJobStatus withoutSyncTime(LoraTrainingJobStatus status) {
        LoraTrainingJobStatus copy = StatusWriter.copy(status);
        copy.setLastSyncTime(null);
        copy.setConditions(null);
        return copy;
    }

    private static void announce(Pass pass, Phase previous) {
        Phase phase = pass.status.getPhase();
        EventReason reason = PHASE_EVENTS.get(phase);
        if (phase != previous && reason != null) {
            String detail = pass.status.getError() != null && phase != Phase.Succeeded
                    ? ": " + pass.status.getError().getMessage() : "";
            String hint = phase == Phase.Interrupted && pass.ended() ? interruptedHint(pass) : "";
            pass.event(reason, "remote job " + pass.status.getJobId() + " is " + pass.status.getRemoteStatus()
                    + " (phase " + phase + ")" + detail + hint);
        }
    }

    static String interruptedHint(Pass pass) {
        int attempts = pass.job.getSpec().autoResumeAttempts();
        return ". The platform stopped it before the last step. To resume from the latest checkpoint, raise "
                + "spec.autoResume.maxAttempts above " + Math.max(attempts, pass.status.getResumeCount() == null ? 0
                        : pass.status.getResumeCount()) + " (each attempt is one resume)";
    }
}
