package dev.loraoperator.status;

import dev.loraoperator.api.v1alpha1.AutoResume;
import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteProgress;
import dev.loraoperator.trainer.TrainerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The inputs the status tests share: a spec, a config, facts, Trainer API answers and stored statuses. */
final class StatusFixture {
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    static final PreparedConfig CONFIG = new PreparedConfig("flux_v1", "yaml", "h1", List.of(), 1000, 250);
    static final Verdict OK = Verdict.yes("Valid", "usable");

    private StatusFixture() {
    }

    static LoraTrainingJobSpec spec() {
        LoraTrainingJobSpec spec = new LoraTrainingJobSpec();
        spec.setGpuType(GpuType.ADA_80_PLUS);
        return spec;
    }

    static LoraTrainingJobSpec suspended() {
        LoraTrainingJobSpec spec = spec();
        spec.setSuspend(true);
        return spec;
    }

    static LoraTrainingJobSpec withDeadline(long seconds) {
        LoraTrainingJobSpec spec = spec();
        spec.setActiveDeadlineSeconds(seconds);
        return spec;
    }

    static LoraTrainingJobSpec resumable(int attempts) {
        LoraTrainingJobSpec spec = spec();
        spec.setAutoResume(new AutoResume(attempts));
        return spec;
    }

    static JobFacts facts(LoraTrainingJobSpec spec, Instant now) {
        return new JobFacts(spec, 3, OK, false, now);
    }

    static Outcome.SubmissionPending pending(Instant at) {
        return new Outcome.SubmissionPending("a1", at, CONFIG, GpuType.ADA_80_PLUS, 1, false);
    }

    static RemoteJob remote(String status, Long step) {
        return new RemoteJob("job-1", "flux_v1", status, step == null ? null : new RemoteProgress(step, 1000, null),
                null, null, null, null);
    }

    static TrainerException failure(dev.loraoperator.trainer.Outcome outcome, int httpStatus, String message) {
        return new TrainerException(Operation.STATUS, outcome, httpStatus, String.valueOf(httpStatus), message, null);
    }

    static Outcome.ControlRequested request(ControlAction action, ControlCause cause) {
        return new Outcome.ControlRequested(action, cause, T0, "f1", CONFIG, GpuType.ADA_80_PLUS, 1);
    }

    /** A status as the function leaves it right after a successful submission at {@code at}. */
    static LoraTrainingJobStatus submittedAt(Instant at) {
        return JobStatusFunction.derive(null, Observation.NONE,
                new Outcome.Submitted(pending(at), remote("IN_QUEUE", null)), facts(spec(), at));
    }

    /** A stored status that follows remote job job-1 (submitted with CONFIG on one ADA_80_PLUS) in the given state. */
    static LoraTrainingJobStatus following(String remoteStatus, Phase phase) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        Submission submission = new Submission(SubmissionState.Succeeded, "a1", Times.format(T0), CONFIG.hash());
        submission.setConfigName(CONFIG.name());
        submission.setTotalSteps(CONFIG.totalSteps());
        submission.setGpuType(GpuType.ADA_80_PLUS);
        submission.setGpuCount(1);
        status.setSubmission(submission);
        status.setJobId("job-1");
        status.setSubmittedAt(Times.format(T0));
        status.setRemoteStatus(remoteStatus);
        status.setPhase(phase);
        return status;
    }

    static ControlRecord control(ControlAction action, ControlCause cause, ControlState state) {
        return new ControlRecord(action, cause, state, Times.format(T0));
    }

    /** Conditions as stored: each given as type, status, reason, message. */
    static List<JobCondition> conditions(String... typeStatusReasonMessage) {
        List<JobCondition> conditions = new ArrayList<>();
        for (int i = 0; i < typeStatusReasonMessage.length; i += 4) {
            conditions.add(new JobCondition(typeStatusReasonMessage[i], typeStatusReasonMessage[i + 1], 1L,
                    Times.format(T0), typeStatusReasonMessage[i + 2], typeStatusReasonMessage[i + 3]));
        }
        return conditions;
    }

    static String condition(LoraTrainingJobStatus status, ConditionType type) {
        return Conditions.find(status.getConditions(), type.name()).map(JobCondition::getStatus).orElse(null);
    }

    static String reason(LoraTrainingJobStatus status, ConditionType type) {
        return Conditions.find(status.getConditions(), type.name()).map(JobCondition::getReason).orElse(null);
    }
}
