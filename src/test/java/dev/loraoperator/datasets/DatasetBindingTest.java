package dev.loraoperator.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.loraoperator.api.v1alpha1.DatasetFiles;
import dev.loraoperator.api.v1alpha1.DatasetPhase;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.LoraDatasetStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a job's dataset folders bind to the LoraDatasets of its namespace. */
class DatasetBindingTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void bareAndFullFolderNamesAreFound() throws Exception {
        assertThat(DatasetBinding.folderNames(config())).containsExactly("corgis", "cats", "shared_v1");
    }

    @Test
    void aReadyDatasetGivesItsRemoteNameAndTheConfigIsRewrittenToIt() throws Exception {
        DatasetBinding.Result result = DatasetBinding.resolve(DatasetBinding.folderNames(config()),
                Map.of("corgis", dataset("corgis", DatasetPhase.Ready, 1, 1)));
        assertThat(result.ready()).isTrue();
        assertThat(result.remoteNames()).containsExactly(Map.entry("corgis", "team-corgis"));
        JsonNode submitted = DatasetBinding.substitute(config(), result.remoteNames());
        assertThat(submitted.at("/config/process/0/datasets/0/folder_path").asText())
                .isEqualTo("/app/ai-toolkit/datasets/team-corgis");
        assertThat(submitted.at("/config/process/0/datasets/2/folder_path").asText())
                .isEqualTo("/app/ai-toolkit/datasets/shared_v1");
    }

    @Test
    void aDatasetNotReadyOrWithAStaleStatusMakesTheJobWaitWithItsProgress() throws Exception {
        DatasetBinding.Result result = DatasetBinding.resolve(DatasetBinding.folderNames(config()), Map.of(
                "corgis", dataset("corgis", DatasetPhase.Uploading, 1, 1),
                "cats", dataset("cats", DatasetPhase.Ready, 2, 1)));
        assertThat(result.ready()).isFalse();
        assertThat(result.remoteNames()).isEmpty();
        assertThat(result.waiting()).extracting(DatasetBinding.Use::dataset, DatasetBinding.Use::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("corgis", "Uploading, 3/4 files"),
                        org.assertj.core.groups.Tuple.tuple("cats", "Ready, 3/4 files"));
    }

    @Test
    void aFailedDatasetIsReportedWithItsError() throws Exception {
        LoraDataset failed = dataset("cats", DatasetPhase.Failed, 1, 1);
        failed.getStatus().setError(new JobError("SourceFailed", "files[0]: checksum mismatch"));
        DatasetBinding.Result result = DatasetBinding.resolve(DatasetBinding.folderNames(config()), Map.of("cats", failed));
        assertThat(result.failed()).containsExactly(new DatasetBinding.Use("cats", DatasetPhase.Failed,
                "files[0]: checksum mismatch"));
    }

    @Test
    void aDatasetBeingDeletedStartsNoJobButKeepsItsRemoteNameForTheJobsSubmittedWithIt() throws Exception {
        LoraDataset deleting = dataset("corgis", DatasetPhase.Ready, 1, 1);
        deleting.getMetadata().setDeletionTimestamp("2026-11-30T18:00:00Z");
        DatasetBinding.Result result = DatasetBinding.resolve(DatasetBinding.folderNames(config()),
                Map.of("corgis", deleting));
        assertThat(result.failed()).containsExactly(new DatasetBinding.Use("corgis", DatasetPhase.Ready,
                "the LoraDataset is being deleted"));
        assertThat(result.remoteNames()).containsExactly(Map.entry("corgis", "team-corgis"));
    }

    @Test
    void aJobAlreadyRunningOnADatasetKeepsItsRecordedNameWhateverBecameOfTheLoraDataset() throws Exception {
        LoraDataset deleting = dataset("corgis", DatasetPhase.Ready, 1, 1);
        deleting.getMetadata().setDeletionTimestamp("2026-11-30T18:00:00Z");
        LoraDataset failed = dataset("cats", DatasetPhase.Failed, 1, 1);
        Map<String, String> recorded = Map.of("corgis", "team-corgis", "cats", "team-cats");

        DatasetBinding.Result changed = DatasetBinding.resolve(DatasetBinding.folderNames(config()),
                Map.of("corgis", deleting, "cats", failed), recorded);
        DatasetBinding.Result gone = DatasetBinding.resolve(DatasetBinding.folderNames(config()), Map.of(), recorded);

        for (DatasetBinding.Result result : java.util.List.of(changed, gone)) {
            assertThat(result.failed()).isEmpty();
            assertThat(result.waiting()).isEmpty();
            assertThat(result.remoteNames()).isEqualTo(recorded);
        }
    }

    private static JsonNode config() throws Exception {
        return YAML.readTree("""
                job: extension
                config:
                  name: pets
                  process:
                    - type: sd_trainer
                      datasets:
                        - folder_path: corgis
                        - folder_path: /app/ai-toolkit/datasets/cats
                        - folder_path: /app/ai-toolkit/datasets/shared_v1
                """);
    }

    private static LoraDataset dataset(String name, DatasetPhase phase, long generation, long observed) {
        LoraDataset dataset = new LoraDataset();
        dataset.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("team").withGeneration(generation)
                .build());
        LoraDatasetStatus status = new LoraDatasetStatus();
        status.setPhase(phase);
        status.setObservedGeneration(observed);
        status.setRemoteName("team-" + name);
        status.setFiles(new DatasetFiles(4, 3, 30, 40, 0));
        dataset.setStatus(status);
        return dataset;
    }
}
