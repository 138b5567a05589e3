package dev.loraoperator.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.loraoperator.api.v1alpha1.DatasetPhase;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraDatasetStatus;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.api.v1alpha1.Submission;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.status.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which jobs hold a dataset's deletion back, and how the dataset says so. */
class DatasetUsersTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final DatasetUsers users = new DatasetUsers(null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void onlyJobsThatMayStillTrainOnTheDatasetHoldIt() {
        List<LoraTrainingJob> jobs = List.of(
                job("running", "corgis", Phase.Running, "job-1", SubmissionState.Succeeded),
                job("suspended", "corgis", Phase.Suspended, "job-2", SubmissionState.Succeeded),
                job("submitting", "corgis", Phase.Pending, null, SubmissionState.Pending),
                job("uncertain", "corgis", Phase.Unknown, null, SubmissionState.Uncertain),
                job("succeeded", "corgis", Phase.Succeeded, "job-3", SubmissionState.Succeeded),
                job("canceled", "corgis", Phase.Canceled, "job-4", SubmissionState.Succeeded),
                job("refused", "corgis", Phase.Failed, null, SubmissionState.Failed),
                job("waiting", "corgis", Phase.Pending, null, null),
                job("other", "cats", Phase.Running, "job-5", SubmissionState.Succeeded));
        assertThat(users.of("corgis", jobs)).containsExactly("running", "submitting", "suspended", "uncertain");
    }

    @Test
    void anInterruptedJobHoldsItWhileItMayBeResumed() {
        LoraTrainingJob interrupted = job("preempted", "corgis", Phase.Interrupted, "job-1", SubmissionState.Succeeded);
        interrupted.getSpec().setAutoResume(new dev.loraoperator.api.v1alpha1.AutoResume());
        interrupted.getSpec().getAutoResume().setMaxAttempts(1);
        assertThat(users.of("corgis", List.of(interrupted))).containsExactly("preempted");
        interrupted.getStatus().setResumeCount(1);
        assertThat(users.of("corgis", List.of(interrupted))).isEmpty();
    }

    @Test
    void theStatusNamesTheJobsKeepsReadyAndStaysShortForManyJobs() {
        LoraDatasetStatus ready = new LoraDatasetStatus();
        ready.setPhase(DatasetPhase.Ready);
        ready.setObservedGeneration(3L);
        ready.setConditions(Conditions.merge(List.of(), List.of(new Conditions.Desired("Ready", true, "Ready", "ok"),
                new Conditions.Desired("Synced", true, "Synced", "all")), 3, "2026-01-01T09:00:00Z"));
        List<String> many = IntStream.range(0, 500).mapToObj(i -> "job-" + i).toList();
        LoraDatasetStatus held = DatasetStatusRules.inUse(ready, many, NOW);
        JobCondition synced = Conditions.find(held.getConditions(), "Synced").orElseThrow();
        assertThat(synced.getStatus()).isEqualTo("False");
        assertThat(synced.getReason()).isEqualTo("InUse");
        assertThat(synced.getMessage()).contains("job-0, job-1").endsWith("job-9, ... (500 in all)");
        assertThat(synced.getObservedGeneration()).isEqualTo(3);
        assertThat(Conditions.find(held.getConditions(), "Ready").orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-01-01T09:00:00Z");
        assertThat(held.getPhase()).isEqualTo(DatasetPhase.Ready);
        assertThat(ready.getConditions()).extracting(JobCondition::getReason).containsExactly("Ready", "Synced");
        assertThat(DatasetStatusRules.inUseMessage(List.of("solo"))).endsWith("used by LoraTrainingJob solo");
    }

    private static LoraTrainingJob job(String name, String dataset, Phase phase, String jobId,
            SubmissionState submission) {
        LoraTrainingJob job = new LoraTrainingJob();
        job.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("team").build());
        LoraTrainingJobSpec spec = new LoraTrainingJobSpec();
        try {
            spec.setConfig(new ObjectMapper(new YAMLFactory()).readTree("""
                    config:
                      process:
                        - datasets:
                            - folder_path: /app/ai-toolkit/datasets/%s
                    """.formatted(dataset)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        job.setSpec(spec);
        LoraTrainingJobStatus status = new LoraTrainingJobStatus();
        status.setPhase(phase);
        status.setJobId(jobId);
        if (submission != null) {
            status.setSubmission(new Submission(submission, "a-1", NOW.toString(), "hash"));
        }
        job.setStatus(status);
        return job;
    }
}
