package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.AutoResume;
import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.ControlState;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlPlannerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private LoraTrainingJobSpec spec;
    private LoraTrainingJobStatus status;

    @BeforeEach
    void submittedRunningJob() {
        spec = new LoraTrainingJobSpec();
        spec.setGpuType(GpuType.ADA_80_PLUS);
        status = new LoraTrainingJobStatus();
        status.setJobId("j1");
        Submission submission = new Submission(SubmissionState.Succeeded, "a1", "2026-06-01T11:00:00Z", "hash1");
        submission.setConfigName("my_lora");
        status.setSubmission(submission);
        status.setSubmittedAt("2026-06-01T11:00:00Z");
        remote("RUNNING", Phase.Running);
    }

    private void remote(String remoteStatus, Phase phase) {
        status.setRemoteStatus(remoteStatus);
        status.setPhase(phase);
    }

    private Control decide() {
        return decide("hash1", "my_lora");
    }

    private Control decide(String hash, String name) {
        return ControlPlanner.decide(new ControlInput(spec, status, hash, name, "fp", NOW));
    }

    @Test
    void aRunningJobThatNobodySteersIsLeftAlone() {
        assertThat(decide()).isEqualTo(Control.NONE);
    }

    @Test
    void suspendCancelsAnActiveJob() {
        spec.setSuspend(true);
        assertThat(decide()).isEqualTo(Control.call(ControlAction.Cancel, ControlCause.Suspend));
    }

    @Test
    void aRecordedCancelIsConfirmedNotResent() {
        spec.setSuspend(true);
        status.setLastControl(new ControlRecord(ControlAction.Cancel, ControlCause.Suspend, ControlState.Requested,
                NOW.minusSeconds(5).toString()));
        assertThat(decide().kind()).isEqualTo(Control.Kind.WAIT);
        remote("CANCELED", Phase.Running);
        assertThat(decide().kind()).isEqualTo(Control.Kind.CONFIRM);
    }

    @Test
    void clearingSuspendResumesTheJobTheSuspensionStopped() {
        remote("CANCELED", Phase.Suspended);
        status.setLastControl(new ControlRecord(ControlAction.Cancel, ControlCause.Suspend, ControlState.Done,
                NOW.toString()));
        spec.setSuspend(true);
        assertThat(decide()).isEqualTo(Control.NONE);
        spec.setSuspend(false);
        assertThat(decide()).isEqualTo(Control.call(ControlAction.Resume, ControlCause.Unsuspend));
    }

    @Test
    void aJobCanceledByTheUserIsNeverResumed() {
        remote("CANCELED", Phase.Canceled);
        spec.setAutoResume(new AutoResume(3));
        assertThat(decide()).isEqualTo(Control.NONE);
    }

    @Test
    void earlyStopsAreResumedUpToMaxAttempts() {
        remote("STOPPED", Phase.Interrupted);
        assertThat(decide()).isEqualTo(Control.NONE);
        spec.setAutoResume(new AutoResume(2));
        assertThat(decide()).isEqualTo(Control.call(ControlAction.Resume, ControlCause.AutoResume));
        status.setResumeCount(2);
        assertThat(decide()).isEqualTo(Control.NONE);
    }

    @Test
    void finishedOrFailedJobsAreNotAutoResumed() {
        spec.setAutoResume(new AutoResume(2));
        remote("STOPPED", Phase.Succeeded);
        assertThat(decide()).isEqualTo(Control.NONE);
        remote("FAILED", Phase.Failed);
        assertThat(decide()).isEqualTo(Control.NONE);
    }

    @Test
    void theDeadlineCancelsAnActiveJobAndPreventsResumes() {
        spec.setActiveDeadlineSeconds(3600L);
        assertThat(decide()).isEqualTo(Control.call(ControlAction.Cancel, ControlCause.DeadlineExceeded));
        spec.setActiveDeadlineSeconds(3601L);
        assertThat(decide()).isEqualTo(Control.NONE);
        spec.setActiveDeadlineSeconds(60L);
        spec.setAutoResume(new AutoResume(5));
        remote("STOPPED", Phase.Interrupted);
        assertThat(decide()).isEqualTo(Control.NONE);
    }

    @Test
    void aConfigChangeWaitsWhileTheJobRunsThenEditsAndResumes() {
        Control waiting = decide("hash2", "my_lora");
        assertThat(waiting.kind()).isEqualTo(Control.Kind.WAIT);
        assertThat(waiting.reason()).isEqualTo("ActiveJob");
        assertThat(waiting.message()).contains("spec.suspend");
        remote("FAILED", Phase.Failed);
        assertThat(decide("hash2", "my_lora")).isEqualTo(Control.call(ControlAction.Edit, ControlCause.ConfigChange));
        status.getSubmission().setConfigHash("hash2");
        status.setLastControl(new ControlRecord(ControlAction.Edit, ControlCause.ConfigChange, ControlState.Done,
                NOW.toString()));
        assertThat(decide("hash2", "my_lora")).isEqualTo(Control.call(ControlAction.Resume, ControlCause.ConfigChange));
    }

    @Test
    void aChangedConfigNameIsBlocked() {
        remote("STOPPED", Phase.Succeeded);
        Control control = decide("hash2", "other_name");
        assertThat(control.kind()).isEqualTo(Control.Kind.BLOCKED);
        assertThat(control.reason()).isEqualTo("ConfigNameChanged");
    }

    @Test
    void aRefusedCallIsNotRepeatedWithTheSameInputs() {
        remote("CANCELED", Phase.Suspended);
        ControlRecord refused = new ControlRecord(ControlAction.Resume, ControlCause.Unsuspend, ControlState.Refused,
                NOW.toString());
        refused.setInputFingerprint("fp");
        refused.setMessage("409");
        status.setLastControl(refused);
        assertThat(decide().kind()).isEqualTo(Control.Kind.BLOCKED);
        refused.setInputFingerprint("older");
        assertThat(decide()).isEqualTo(Control.call(ControlAction.Resume, ControlCause.Unsuspend));
    }
}
