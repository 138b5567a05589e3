package dev.loraoperator.reconciler;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.events.EventRecorder;
import dev.loraoperator.status.ConditionRules;
import dev.loraoperator.status.ConditionType;
import dev.loraoperator.status.Conditions;
import dev.loraoperator.status.Verdict;
import dev.loraoperator.api.v1alpha1.JobCondition;
import java.util.Objects;
import java.util.Optional;

/** The state of one reconcile: the resource, the status being built, what was read, and the verdicts so far. */
final class Pass {
    LoraTrainingJob job;
    final LoraTrainingJobStatus status;
    final JobInputs inputs;
    final String now;
    private final LoraTrainingJobStatus before;
    private final EventRecorder events;
    private Verdict synced;

    Pass(LoraTrainingJob job, LoraTrainingJobStatus status, JobInputs inputs, String now, EventRecorder events) {
        this.job = job;
        this.status = status;
        this.inputs = inputs;
        this.now = now;
        this.before = job.getStatus() == null ? new LoraTrainingJobStatus() : job.getStatus();
        this.events = events;
    }

    LoraTrainingJobStatus before() {
        return before;
    }

    void synced(Verdict verdict) {
        this.synced = verdict;
    }

    Verdict acceptedVerdict() {
        if (!inputs.credentials().available()) {
            return Verdict.no("MissingCredentials", inputs.credentials().problem());
        }
        if (inputs.configSourceProblem() != null) {
            return Verdict.no("MissingConfigSource", inputs.configSourceProblem());
        }
        if (inputs.configInvalid()) {
            return Verdict.no("InvalidConfig", String.join("; ", inputs.configProblems()));
        }
        return Verdict.yes("Valid", "the config and the credentials are usable");
    }

    Verdict syncedVerdict() {
        if (synced != null) {
            return synced;
        }
        if (status.getJobId() == null) {
            boolean uncertain = status.getSubmission() != null
                    && status.getSubmission().getState() == SubmissionState.Uncertain;
            return uncertain ? Verdict.no("SubmissionUncertain", "the operator cannot tell whether a remote job exists")
                    : Verdict.yes("NoRemoteJob", "there is no remote job to follow");
        }
        Optional<JobCondition> previous = Conditions.find(before.getConditions(), ConditionType.Synced.name());
        return previous.map(c -> new Verdict(Conditions.TRUE.equals(c.getStatus()), c.getReason(), c.getMessage()))
                .orElse(Verdict.yes("Synced", "the status mirrors the remote job"));
    }

    /** Over for good: nothing will happen without a person (or a spec change). */
    boolean ended() {
        Phase phase = status.getPhase();
        if (phase == Phase.Interrupted) {
            int resumed = status.getResumeCount() == null ? 0 : status.getResumeCount();
            return resumed >= job.getSpec().autoResumeAttempts();
        }
        return phase == Phase.Succeeded || phase == Phase.Failed || phase == Phase.Canceled;
    }

    boolean remoteWorkPending() {
        return Controls.pending(this);
    }

    /** Fills in what every written status carries: generation and conditions that agree with the phase. */
    LoraTrainingJobStatus finish() {
        long generation = job.getMetadata().getGeneration() == null ? 0 : job.getMetadata().getGeneration();
        status.setObservedGeneration(generation);
        status.setConditions(Conditions.merge(status.getConditions(),
                ConditionRules.desired(status, acceptedVerdict(), syncedVerdict(), ended()), generation, now));
        return status;
    }

    /**
     * Records an Event when the spec, config or credentials became unusable, only when the problem is new, so
     * a resource waiting for a fix does not repeat itself every retry interval. Already recorded state stays.
     */
    void reportInputProblem() {
        Verdict accepted = acceptedVerdict();
        String previous = Conditions.find(before.getConditions(), ConditionType.Accepted.name())
                .filter(c -> Conditions.FALSE.equals(c.getStatus())).map(JobCondition::getMessage).orElse(null);
        if (!accepted.ok() && !Objects.equals(previous, accepted.message())) {
            // The Accepted reasons (MissingCredentials, MissingConfigSource, InvalidConfig) are Event reasons too.
            events.record(job, EventReason.valueOf(accepted.reason()), accepted.message());
        }
    }

    void event(EventReason reason, String message) {
        events.record(job, reason, message);
    }
}
