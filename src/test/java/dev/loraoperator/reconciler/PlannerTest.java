package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static LoraTrainingJobStatus status(SubmissionState state, String jobId, Phase phase) {
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        if (state != null) {
            Submission submission = new Submission(state, "att1", "t", "h");
            submission.setInputFingerprint("fp1");
            status.setSubmission(submission);
        }
        status.setJobId(jobId);
        status.setPhase(phase);
        return status;
    }

    private static PlanInput input(LoraTrainingJobStatus status) {
        return new PlanInput(status, false, null, null, false, false, "fp1", true, false);
    }

    @Test
    void aNewValidResourceIsSubmitted() {
        assertThat(Planner.plan(input(status(null, null, null)))).isEqualTo(Action.SUBMIT);
    }

    @Test
    void pendingWithoutJobIdIsNeverSubmittedAgain() {
        PlanInput in = input(status(SubmissionState.Pending, null, Phase.Pending));
        assertThat(Planner.plan(in)).isEqualTo(Action.MARK_UNCERTAIN);
    }

    @Test
    void uncertainWaitsForAPersonEvenWhenEverythingElseIsFine() {
        assertThat(Planner.plan(input(status(SubmissionState.Uncertain, null, Phase.Unknown))))
                .isEqualTo(Action.AWAIT_PERSON);
    }

    @Test
    void retryAnnotationActsOnlyForTheUncertainAttempt() {
        LoraTrainingJobStatus status = status(SubmissionState.Uncertain, null, Phase.Unknown);
        assertThat(Planner.plan(new PlanInput(status, false, null, "att1", false, false, "fp1", true, false)))
                .isEqualTo(Action.SUBMIT);
        assertThat(Planner.plan(new PlanInput(status, false, null, "older", false, false, "fp1", true, false)))
                .isEqualTo(Action.AWAIT_PERSON);
    }

    @Test
    void adoptAnnotationWinsOverEverythingWhileThereIsNoJobId() {
        LoraTrainingJobStatus status = status(SubmissionState.Uncertain, null, Phase.Unknown);
        assertThat(Planner.plan(new PlanInput(status, false, "remote-1", null, true, true, null, false, false)))
                .isEqualTo(Action.ADOPT);
    }

    @Test
    void badInputIsReportedBeforeAnythingIsSent() {
        LoraTrainingJobStatus status = status(null, null, null);
        assertThat(Planner.plan(new PlanInput(status, false, null, null, true, false, null, true, false)))
                .isEqualTo(Action.AWAIT_INPUT);
        assertThat(Planner.plan(new PlanInput(status, false, null, null, false, true, null, true, false)))
                .isEqualTo(Action.REJECT_CONFIG);
    }

    @Test
    void aSuspendedResourceIsNotSubmitted() {
        assertThat(Planner.plan(new PlanInput(status(null, null, null), true, null, null, false, false, "fp", true,
                false))).isEqualTo(Action.HOLD_SUSPENDED);
    }

    @Test
    void aRefusedSubmissionIsRetriedOnlyWhenTheInputsChange() {
        LoraTrainingJobStatus refused = status(SubmissionState.Failed, null, Phase.Failed);
        assertThat(Planner.plan(input(refused))).isEqualTo(Action.HOLD_REFUSED);
        assertThat(Planner.plan(new PlanInput(refused, false, null, null, false, false, "fp2", true, false)))
                .isEqualTo(Action.SUBMIT);
    }

    @Test
    void activeJobsAreFollowedAndSettledOnesLeftAlone() {
        assertThat(Planner.plan(input(status(SubmissionState.Succeeded, "j1", Phase.Running))))
                .isEqualTo(Action.FOLLOW);
        assertThat(Planner.plan(input(status(SubmissionState.Succeeded, "j1", Phase.Succeeded))))
                .isEqualTo(Action.IDLE);
        LoraTrainingJobStatus unsynced = status(SubmissionState.Succeeded, "j1", Phase.Succeeded);
        assertThat(Planner.plan(new PlanInput(unsynced, false, null, null, false, false, "fp1", false, false)))
                .isEqualTo(Action.FOLLOW);
    }
}
