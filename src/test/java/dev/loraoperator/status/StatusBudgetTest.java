package dev.loraoperator.status;

import static dev.loraoperator.status.StatusFixture.facts;
import static dev.loraoperator.status.StatusFixture.spec;
import static dev.loraoperator.status.StatusFixture.submittedAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.ControlAction;
import dev.loraoperator.api.v1alpha1.ControlCause;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.trainer.Operation;
import dev.loraoperator.trainer.RemoteError;
import dev.loraoperator.trainer.RemoteJob;
import dev.loraoperator.trainer.RemoteProgress;
import dev.loraoperator.trainer.RemoteResult;
import dev.loraoperator.trainer.RemoteText;
import dev.loraoperator.trainer.TrainerException;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The whole status stays under 32 KiB of JSON whatever the API sends, and what matters most is what stays. */
class StatusBudgetTest {
    static final Instant T0 = StatusFixture.T0;
    static final int LIMIT = 32 * 1024;

    /** A string of exactly the most bytes the client lets through (RemoteText.MAX_BYTES). */
    static String longest(String prefix) {
        return prefix + "x".repeat(RemoteText.MAX_BYTES - prefix.length());
    }

    static String url(String kind, int i) {
        String head = "https://storage.example/" + kind + "/";
        String tail = String.format("_%09d.safetensors", i);
        return head + "p".repeat(RemoteText.MAX_BYTES - head.length() - tail.length()) + tail;
    }

    @Test
    void theLongestAnswersTheApiMayGiveStillLeaveAStatusUnder32KiBThatKeepsTheLatestCheckpoint() {
        List<String> checkpoints = IntStream.rangeClosed(1, 1000).mapToObj(i -> url("ckpt", i)).toList();
        List<String> samples = IntStream.rangeClosed(1, 1000).mapToObj(i -> url("sample", i)).toList();
        RemoteError error = new RemoteError(longest("E"), longest("message "));
        RemoteJob job = new RemoteJob("job-1", longest("name"), longest("NEW_WORD_"), new RemoteProgress(900, 1000, 90.0),
                error, null, null, null);
        RemoteResult result = new RemoteResult(longest("NEW_WORD_"), url("config", 0), checkpoints, samples, error);
        TrainerException refused = new TrainerException(Operation.CANCEL,
                dev.loraoperator.trainer.Outcome.REFUSED, 409, longest("C"), longest("refused "), null);
        Outcome.ControlFailed failedCancel = new Outcome.ControlFailed(new Outcome.ControlRequested(ControlAction.Cancel,
                ControlCause.Suspend, T0, "fp", StatusFixture.CONFIG, GpuType.ADA_80_PLUS, 1), refused);
        JobFacts badSpec = new JobFacts(spec(), 3, Verdict.no("InvalidConfig", longest("problems ")), true, T0);

        LoraTrainingJobStatus status = JobStatusFunction.derive(submittedAt(T0), new Observation(job, result, null),
                failedCancel, badSpec);

        assertThat(StatusBudget.bytes(status)).isLessThan(LIMIT);
        assertThat(status.getJobId()).isEqualTo("job-1");
        assertThat(status.getArtifacts().getLatestCheckpoint().getUrl()).isEqualTo(checkpoints.get(999));
        assertThat(status.getArtifacts().getCheckpoints()).last()
                .satisfies(c -> assertThat(c.getUrl()).isEqualTo(checkpoints.get(999)));
        assertThat(status.getArtifacts().getSampleCount()).isEqualTo(1000);
        assertThat(status.getArtifacts().getConfig()).isEqualTo(url("config", 0));
        assertThat(status.getConditions()).allSatisfy(c -> assertThat(c.getMessage()).isNotNull());
    }

    @Test
    void aStatusThatFitsIsLeftAsItIs() {
        List<String> checkpoints = IntStream.rangeClosed(1, 4).mapToObj(i -> "https://s.example/c_" + i + ".safetensors")
                .toList();
        RemoteResult result = new RemoteResult("RUNNING", "https://s.example/config.yaml", checkpoints,
                List.of("https://s.example/s1.jpg"), null);
        LoraTrainingJobStatus status = JobStatusFunction.derive(submittedAt(T0),
                new Observation(StatusFixture.remote("RUNNING", 400L), result, null), new Outcome.Nothing(),
                facts(spec(), T0));
        assertThat(status.getArtifacts().getCheckpoints()).hasSize(4);
        assertThat(status.getArtifacts().getSamples()).hasSize(1);
    }

    @Test
    void oldestSamplesGoBeforeAnyCheckpointAndLongMessagesAreShortenedOnlyWhenArtifactsAreNotEnough() {
        LoraTrainingJobStatus status = submittedAt(T0);
        status.setArtifacts(new dev.loraoperator.api.v1alpha1.Artifacts());
        status.getArtifacts().setSamples(new java.util.ArrayList<>(IntStream.range(0, 10)
                .mapToObj(i -> url("sample", i)).toList()));
        status.getArtifacts().setCheckpoints(new java.util.ArrayList<>(IntStream.range(0, 12)
                .mapToObj(i -> ArtifactsMapper.checkpoint(url("ckpt", i), 1000L, null)).toList()));
        status.getConditions().get(0).setMessage(longest("kept "));

        StatusBudget.fit(status);

        assertThat(StatusBudget.bytes(status)).isLessThanOrEqualTo(StatusBudget.MAX_BYTES);
        assertThat(status.getArtifacts().getSamples()).isEmpty();
        assertThat(status.getArtifacts().getCheckpoints()).isNotEmpty().last()
                .satisfies(c -> assertThat(c.getUrl()).isEqualTo(url("ckpt", 11)));
        assertThat(status.getConditions().get(0).getMessage()).as("artifacts were enough").isEqualTo(longest("kept "));
    }

    @Test
    void whenArtifactsAreNotEnoughEveryLongMessageIsShortenedAndTheErrorToo() {
        LoraTrainingJobStatus status = submittedAt(T0);
        java.util.List<dev.loraoperator.api.v1alpha1.JobCondition> many = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            many.add(new dev.loraoperator.api.v1alpha1.JobCondition("C" + i, "False", 1L, T0.toString(), "R",
                    longest("message " + i + " ")));
        }
        status.setConditions(many);
        status.setError(new dev.loraoperator.api.v1alpha1.JobError("E", longest("error ")));

        StatusBudget.fit(status);

        assertThat(StatusBudget.bytes(status)).isLessThanOrEqualTo(StatusBudget.MAX_BYTES);
        assertThat(status.getConditions()).allSatisfy(c -> assertThat(c.getMessage())
                .hasSizeLessThanOrEqualTo(StatusBudget.SHORT_MESSAGE_BYTES).endsWith("…"));
        assertThat(status.getConditions().get(3).getMessage()).startsWith("message 3 ");
        assertThat(status.getError().getMessage()).startsWith("error ").endsWith("…")
                .hasSizeLessThanOrEqualTo(StatusBudget.SHORT_MESSAGE_BYTES);
    }
}
