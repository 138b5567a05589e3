package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.status.Conditions.Desired;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionRulesTest {
    private static final Verdict OK = Verdict.yes("Valid", "");

    private static Map<String, Desired> conditions(LoraTrainingJobStatus status, boolean ended) {
        List<Desired> desired = ConditionRules.desired(status, OK, Verdict.yes("Synced", ""), ended);
        return desired.stream().collect(Collectors.toMap(Desired::type, d -> d));
    }

    @Test
    void everyConditionOfTheDesignIsReported() {
        assertThat(conditions(new LoraTrainingJobStatus(), false)).containsOnlyKeys("Accepted", "Submitted", "Running",
                "Succeeded", "Failed", "Suspended", "Synced", "Finished");
    }

    @Test
    void aSucceededJobIsFinishedWithReasonSucceeded() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(Phase.Succeeded);
        status.setJobId("j1");
        Map<String, Desired> c = conditions(status, true);
        assertThat(c.get("Succeeded").status()).isTrue();
        assertThat(c.get("Finished").status()).isTrue();
        assertThat(c.get("Finished").reason()).isEqualTo("Succeeded");
        assertThat(c.get("Submitted").status()).isTrue();
        assertThat(c.get("Running").status()).isFalse();
    }

    @Test
    void failedReasonIsAValidIdentifierEvenForNumericApiCodes() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(Phase.Failed);
        status.setError(new JobError("42251", "bad config"));
        assertThat(conditions(status, true).get("Failed").reason()).isEqualTo("JobFailed");
        status.setError(new JobError("TRAINING_ERROR", "oom"));
        assertThat(conditions(status, true).get("Failed").reason()).isEqualTo("TRAINING_ERROR");
        assertThat(conditions(status, true).get("Failed").message()).isEqualTo("oom");
    }

    @Test
    void anUncertainSubmissionTellsHowToResolveIt() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(Phase.Unknown);
        status.setSubmission(new Submission(SubmissionState.Uncertain, "abc123", "t", "h"));
        Desired submitted = conditions(status, false).get("Submitted");
        assertThat(submitted.status()).isFalse();
        assertThat(submitted.reason()).isEqualTo("SubmissionUncertain");
        assertThat(submitted.message()).contains("adopt-job-id").contains("retry-submission=abc123");
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void eachPhaseConditionIsTrueInItsOwnPhaseOnly(Phase phase) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(phase);
        Map<String, Desired> c = conditions(status, false);

        assertThat(c.get("Running").status()).isEqualTo(phase == Phase.Running);
        assertThat(c.get("Succeeded").status()).isEqualTo(phase == Phase.Succeeded);
        assertThat(c.get("Failed").status()).isEqualTo(phase == Phase.Failed);
        assertThat(c.get("Suspended").status()).isEqualTo(phase == Phase.Suspended);
        assertThat(c.get("Suspended").reason()).isEqualTo(phase == Phase.Suspended ? "SuspendRequested" : "NotSuspended");
        for (String type : List.of("Running", "Succeeded", "Suspended")) {
            assertThat(c.get(type).message()).isEqualTo("phase is " + phase);
        }
        assertThat(c.get("Running").reason()).isEqualTo(phase.name());
        if (phase != Phase.Failed) {
            assertThat(c.get("Failed").reason()).isEqualTo("NotFailed");
            assertThat(c.get("Failed").message()).isEqualTo("phase is " + phase);
        }
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void finishedFollowsWhetherTheJobEndedForGood(Phase phase) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(phase);

        Desired ended = conditions(status, true).get("Finished");
        Desired going = conditions(status, false).get("Finished");

        assertThat(ended.status()).isTrue();
        assertThat(ended.reason()).isEqualTo(phase.name());
        assertThat(ended.message()).isEqualTo("the job ended: " + phase);
        assertThat(going.status()).isFalse();
        assertThat(going.message()).isEqualTo("phase is " + phase);
    }

    @Test
    void aStatusWithoutPhaseIsPending() {
        Map<String, Desired> c = conditions(new LoraTrainingJobStatus(), false);

        assertThat(c.get("Running").reason()).isEqualTo("Pending");
        assertThat(c.get("Running").message()).isEqualTo("phase is Pending");
    }

    @Test
    void acceptedAndSyncedCarryTheirVerdicts() {
        List<Desired> desired = ConditionRules.desired(new LoraTrainingJobStatus(),
                Verdict.no("InvalidConfig", "config.name is required"), Verdict.no("ApiUnreachable", "no route"), false);
        Map<String, Desired> c = desired.stream().collect(Collectors.toMap(Desired::type, d -> d));

        assertThat(c.get("Accepted")).isEqualTo(new Desired("Accepted", false, "InvalidConfig", "config.name is required"));
        assertThat(c.get("Synced")).isEqualTo(new Desired("Synced", false, "ApiUnreachable", "no route"));
        assertThat(conditions(new LoraTrainingJobStatus(), false).get("Accepted").status()).isTrue();
    }

    @Test
    void submittedTellsWhereTheSubmissionStands() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        assertThat(conditions(status, false).get("Submitted"))
                .isEqualTo(new Desired("Submitted", false, "NotSubmitted", "no remote job yet"));

        status.setSubmission(new Submission(SubmissionState.Pending, "a1", "t", "h"));
        assertThat(conditions(status, false).get("Submitted"))
                .isEqualTo(new Desired("Submitted", false, "Submitting", "the submission is being sent"));

        status.getSubmission().setState(SubmissionState.Failed);
        assertThat(conditions(status, false).get("Submitted")).isEqualTo(
                new Desired("Submitted", false, "SubmissionRefused", "the Trainer API refused the submission"));

        status.getSubmission().setState(SubmissionState.Succeeded);
        assertThat(conditions(status, false).get("Submitted"))
                .isEqualTo(new Desired("Submitted", true, "Submitted", "submitted"));

        status.setJobId("job-7");
        assertThat(conditions(status, false).get("Submitted"))
                .isEqualTo(new Desired("Submitted", true, "Submitted", "remote job job-7"));
    }

    @Test
    void aSubmissionWithoutStateCountsAsNotSubmitted() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setSubmission(new Submission());

        assertThat(conditions(status, false).get("Submitted").reason()).isEqualTo("NotSubmitted");
    }

    @Test
    void aFailedJobWithoutAnErrorSaysJobFailed() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(Phase.Failed);

        assertThat(conditions(status, true).get("Failed")).isEqualTo(new Desired("Failed", true, "JobFailed", "the job failed"));
        status.setError(new JobError(null, "stopped by the API"));
        assertThat(conditions(status, true).get("Failed"))
                .isEqualTo(new Desired("Failed", true, "JobFailed", "stopped by the API"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "OOM", "TrainingError", "TRAINING_ERROR", "Quota,Exceeded", "a:b", "x9"})
    void apiCodesShapedLikeReasonsAreUsedAsTheFailedReason(String code) {
        assertThat(failedReason(code)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42251", "9abc", "_x", "bad code", "ends:", "ends,", "dash-ed", "ünicode"})
    void otherApiCodesAreReplacedByJobFailed(String code) {
        assertThat(failedReason(code)).isEqualTo("JobFailed");
    }

    private static String failedReason(String apiCode) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(Phase.Failed);
        status.setError(new JobError(apiCode, "failed"));
        return conditions(status, true).get("Failed").reason();
    }

    @Test
    void theUncertainMessageNamesTheAttemptToRetry() {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        assertThat(ConditionRules.uncertainMessage(status)).endsWith("training.lora-operator.dev/retry-submission=?");

        status.setSubmission(new Submission(SubmissionState.Uncertain, "att-9", "t", "h"));
        assertThat(ConditionRules.uncertainMessage(status)).isEqualTo(
                "the submission may have created a remote job; the operator will not submit again by itself. "
                        + "If a job exists, set annotation training.lora-operator.dev/adopt-job-id=<job id>; "
                        + "if not, set training.lora-operator.dev/retry-submission=att-9");
    }
}
