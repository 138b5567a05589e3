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
}
