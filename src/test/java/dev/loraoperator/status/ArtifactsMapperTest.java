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
        Artifacts artifacts = ArtifactsMapper.artifactsOf(result, 4000L);
        assertThat(artifacts.getCheckpoints()).extracting(Checkpoint::getStep).containsExactly(250L, 500L, 3000L);
        assertThat(artifacts.getLatestCheckpoint().getName()).isEqualTo("my_first_lora_3000.safetensors");
        assertThat(artifacts.getConfig()).isEqualTo(BASE + "config.yaml");
        assertThat(ArtifactsMapper.hasFinalCheckpoint(result)).isFalse();
    }

    @Test
    void theFinalModelHasNoStepSuffixAndCountsAsTheLastStep() {
        RemoteResult result = new RemoteResult("STOPPED", null,
                List.of(BASE + "my_lora.safetensors", BASE + "my_lora_000001750.safetensors"), List.of(), null);
        Artifacts artifacts = ArtifactsMapper.artifactsOf(result, 2000L);
        assertThat(artifacts.getLatestCheckpoint().getName()).isEqualTo("my_lora.safetensors");
        assertThat(artifacts.getLatestCheckpoint().getStep()).isEqualTo(2000L);
        assertThat(ArtifactsMapper.hasFinalCheckpoint(result)).isTrue();
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
                null), 5000L);
        assertThat(artifacts.getCheckpoints()).hasSize(ArtifactsMapper.MAX_CHECKPOINTS);
        assertThat(artifacts.getCheckpoints().get(ArtifactsMapper.MAX_CHECKPOINTS - 1).getStep()).isEqualTo(5000L);
        assertThat(artifacts.getSamples()).hasSize(ArtifactsMapper.MAX_SAMPLES).last().asString().contains("500__");
        assertThat(artifacts.getSampleCount()).isEqualTo(500);
    }

    @Test
    void aStepTooLongForANumberIsUnknownAndSortsLast() {
        RemoteResult result = new RemoteResult("RUNNING", null,
                List.of(BASE + "l_99999999999999999999.safetensors", BASE + "l_000000250.safetensors"), List.of(), null);

        Artifacts artifacts = ArtifactsMapper.artifactsOf(result, 2000L);

        assertThat(artifacts.getCheckpoints()).extracting(Checkpoint::getStep).containsExactly(250L, null);
    }
}
