package dev.loraoperator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.Artifacts;
import dev.loraoperator.api.v1alpha1.Checkpoint;
import dev.loraoperator.trainer.RemoteResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactsMapperTest {
    private static final String BASE = "https://files.example.invalid/out/";

    @Test
    void readsStepsFromAiToolkitAndRenamedFileNames() {
        RemoteResult result = new RemoteResult("RUNNING", BASE + "config.yaml",
                List.of(BASE + "my_lora_000000500.safetensors", BASE + "my_lora_000000250.safetensors",
                        BASE + "my_first_lora_3000.safetensors?sig=abc"),
                List.of(), null);
        Artifacts artifacts = ArtifactsMapper.artifactsOf(result, 4000L, "my_lora");
        assertThat(artifacts.getCheckpoints()).extracting(Checkpoint::getStep).containsExactly(250L, 500L, 3000L);
        assertThat(artifacts.getLatestCheckpoint().getName()).isEqualTo("my_first_lora_3000.safetensors");
        assertThat(artifacts.getConfig()).isEqualTo(BASE + "config.yaml");
        assertThat(ArtifactsMapper.hasFinalCheckpoint(result, "my_lora")).isFalse();
    }

    @Test
    void theFinalModelHasNoStepSuffixAndCountsAsTheLastStep() {
        RemoteResult result = new RemoteResult("STOPPED", null,
                List.of(BASE + "my_lora.safetensors", BASE + "my_lora_000001750.safetensors"), List.of(), null);
        Artifacts artifacts = ArtifactsMapper.artifactsOf(result, 2000L, "my_lora");
        assertThat(artifacts.getLatestCheckpoint().getName()).isEqualTo("my_lora.safetensors");
        assertThat(artifacts.getLatestCheckpoint().getStep()).isEqualTo(2000L);
        assertThat(ArtifactsMapper.hasFinalCheckpoint(result, "my_lora")).isTrue();
    }

    @Test
    void listsAreBoundedToTheNewest() {
        List<String> checkpoints = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            checkpoints.add(BASE + String.format("l_%09d.safetensors", i * 10));
            samples.add(BASE + "samples/" + i + "__" + String.format("%09d", i * 10) + "_0.jpg");
        }
        Artifacts artifacts = ArtifactsMapper.artifactsOf(new RemoteResult("RUNNING", null, checkpoints, samples,
                null), 5000L, "l");
        assertThat(artifacts.getCheckpoints()).hasSize(ArtifactsMapper.MAX_CHECKPOINTS);
        assertThat(artifacts.getCheckpoints().get(ArtifactsMapper.MAX_CHECKPOINTS - 1).getStep()).isEqualTo(5000L);
        assertThat(artifacts.getSamples()).hasSize(ArtifactsMapper.MAX_SAMPLES).last().asString().contains("500__");
        assertThat(artifacts.getSampleCount()).isEqualTo(500);
    }

    @Test
    void aStepTooLongForANumberIsUnknownAndSortsLast() {
        RemoteResult result = new RemoteResult("RUNNING", null,
                List.of(BASE + "l_99999999999999999999.safetensors", BASE + "l_000000250.safetensors"), List.of(), null);

        Artifacts artifacts = ArtifactsMapper.artifactsOf(result, 2000L, "l");

        assertThat(artifacts.getCheckpoints()).extracting(Checkpoint::getStep).containsExactly(250L, null);
    }

    @Test
    void aConfigNameEndingInDigitsStillMarksItsFinalModelAndReadsItsStepsFromTheSuffix() {
        RemoteResult result = new RemoteResult("STOPPED", null,
                List.of(BASE + "portrait_2024.safetensors", BASE + "portrait_2024_000001750.safetensors"),
                List.of(), null);

        Artifacts artifacts = ArtifactsMapper.artifactsOf(result, 2000L, "portrait_2024");

        assertThat(artifacts.getCheckpoints()).extracting(Checkpoint::getStep).containsExactly(1750L, 2000L);
        assertThat(artifacts.getLatestCheckpoint().getName()).isEqualTo("portrait_2024.safetensors");
        assertThat(ArtifactsMapper.hasFinalCheckpoint(result, "portrait_2024")).isTrue();
        assertThat(ArtifactsMapper.hasFinalCheckpoint(new RemoteResult("RUNNING", null,
                List.of(BASE + "portrait_2024_000001750.safetensors"), List.of(), null), "portrait_2024"))
                .as("a step checkpoint is not the end").isFalse();
    }

    @Test
    void withoutAConfigNameAFileWithoutStepSuffixIsTheFinalModel() {
        RemoteResult result = new RemoteResult("STOPPED", null,
                List.of(BASE + "renamed.safetensors", BASE + "my_lora_000001750.safetensors"), List.of(), null);

        assertThat(ArtifactsMapper.hasFinalCheckpoint(result, null)).isTrue();
        assertThat(ArtifactsMapper.artifactsOf(result, 2000L, null).getLatestCheckpoint().getStep()).isEqualTo(2000L);
    }

    @Test
    void aFileOfAnotherFormatIsNeitherAStepNorTheFinalModel() {
        RemoteResult result = new RemoteResult("RUNNING", null, List.of(BASE + "my_lora.zip"), List.of(), null);

        assertThat(ArtifactsMapper.hasFinalCheckpoint(result, "my_lora")).isFalse();
        assertThat(ArtifactsMapper.artifactsOf(result, 2000L, "my_lora").getLatestCheckpoint().getStep()).isNull();
    }
}
