package dev.loraoperator.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.DatasetPhase;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraDatasetStatus;
import dev.loraoperator.trainer.RemoteDataset;
import dev.loraoperator.trainer.RemoteError;
import dev.loraoperator.trainer.RemoteFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named cases for one pass: what it decides from what it saw, and the status it derives. */
class DatasetDecisionsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<DesiredFile> FILES = List.of(new DesiredFile("a.jpg", 10), new DesiredFile("a.txt", 3));

    @Test
    void noRemoteDatasetYetCreatesOneAndIsPending() {
        DatasetObservation seen = new DatasetObservation(null, FILES, null, null, null);
        assertThat(DatasetDecider.decide(seen, "ns-pets")).isEqualTo(new DatasetDecision.Create("ns-pets"));
        LoraDatasetStatus status = derive(null, seen, DatasetOutcome.NOTHING);
        assertThat(status.getPhase()).isEqualTo(DatasetPhase.Pending);
        assertThat(condition(status, "Synced").getReason()).isEqualTo("Creating");
    }

    @Test
    void aCreatedDatasetIsRecordedAtOnceAndUploadsOnlyWhatItLacks() {
        RemoteDataset created = remote("DRAFT");
        LoraDatasetStatus afterCreate = derive(null, new DatasetObservation(null, FILES, null, null, null),
                new DatasetOutcome(created, List.of(), null, null));
        assertThat(afterCreate.getRemoteId()).isEqualTo("id-1");
        assertThat(afterCreate.getPhase()).isEqualTo(DatasetPhase.Uploading);

        DatasetObservation half = new DatasetObservation(null, FILES, null, remote("UPLOADING", file("a.jpg", 10)), null);
        assertThat(DatasetDecider.decide(half, "ns-pets"))
                .isEqualTo(new DatasetDecision.Upload(List.of(new DesiredFile("a.txt", 3))));
        LoraDatasetStatus afterUpload = derive(afterCreate, half,
                new DatasetOutcome(null, List.of(new DesiredFile("a.txt", 3)), null, null));
        assertThat(afterUpload.getFiles().getSummary()).isEqualTo("2/2");
        assertThat(afterUpload.getFiles().getBytesUploaded()).isEqualTo(13);
        assertThat(afterUpload.getPhase()).isEqualTo(DatasetPhase.Processing);
    }

    @Test
    void everyFileUploadedPollsUntilReadyThenIdles() {
        DatasetObservation processing = new DatasetObservation(null, FILES, null,
                remote("UPLOADING", file("a.jpg", 10), file("a.txt", 3)), null);
        assertThat(DatasetDecider.decide(processing, "n")).isEqualTo(new DatasetDecision.Poll());
        DatasetObservation ready = new DatasetObservation(null, FILES, null,
                remote("READY", file("a.jpg", 10), file("a.txt", 3)), null);
        assertThat(DatasetDecider.decide(ready, "n")).isEqualTo(new DatasetDecision.Idle());
        LoraDatasetStatus status = derive(derive(null, processing, DatasetOutcome.NOTHING), ready, DatasetOutcome.NOTHING);
        assertThat(status.getPhase()).isEqualTo(DatasetPhase.Ready);
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Synced").getStatus()).isEqualTo("True");
    }

    @Test
    void aFileAddedAfterReadyIsUploaded() {
        List<DesiredFile> more = new ArrayList<>(FILES);
        more.add(new DesiredFile("b.jpg", 7));
        DatasetObservation seen = new DatasetObservation(null, more, null,
                remote("READY", file("a.jpg", 10), file("a.txt", 3)), null);
        assertThat(DatasetDecider.decide(seen, "n")).isEqualTo(new DatasetDecision.Upload(List.of(new DesiredFile("b.jpg", 7))));
        assertThat(derive(null, seen, DatasetOutcome.NOTHING).getPhase()).isEqualTo(DatasetPhase.Uploading);
    }

    @Test
    void aFileRemovedFromTheSpecIsReportedNotDeleted() {
        DatasetObservation seen = new DatasetObservation(null, FILES.subList(0, 1), null,
                remote("READY", file("a.jpg", 10), file("a.txt", 3)), null);
        assertThat(DatasetDecider.decide(seen, "n")).isEqualTo(new DatasetDecision.Idle());
        LoraDatasetStatus status = derive(null, seen, DatasetOutcome.NOTHING);
        assertThat(status.getPhase()).isEqualTo(DatasetPhase.Ready);
        JobCondition synced = condition(status, "Synced");
        assertThat(synced.getStatus()).isEqualTo("False");
        assertThat(synced.getReason()).isEqualTo("ExtraFiles");
        assertThat(synced.getMessage()).contains("a.txt");
    }

    @Test
    void aSourceFailureFailsTheDatasetNamingTheFileAndChangesNothingRemote() {
        DatasetObservation seen = new DatasetObservation(null, null, "files[1]: entry ../evil.jpg points outside",
                remote("UPLOADING"), null);
        assertThat(DatasetDecider.decide(seen, "n")).isEqualTo(new DatasetDecision.Idle());
        LoraDatasetStatus status = derive(null, seen, DatasetOutcome.NOTHING);
        assertThat(status.getPhase()).isEqualTo(DatasetPhase.Failed);
        assertThat(status.getError().getMessage()).contains("../evil.jpg");
        LoraDatasetStatus midUpload = derive(null, new DatasetObservation(null, FILES, null, remote("UPLOADING"), null),
                new DatasetOutcome(null, List.of(new DesiredFile("a.jpg", 10)), "files[0] (a.txt): checksum mismatch",
                        null));
        assertThat(midUpload.getPhase()).isEqualTo(DatasetPhase.Failed);
        assertThat(midUpload.getFiles().getUploaded()).isEqualTo(1);
    }

    @Test
    void aRemoteFailedDatasetIsFailedWithTheApisError() {
        RemoteDataset failed = new RemoteDataset("id-1", "n", "FAILED", new RemoteError("X1", "bad caption"), List.of());
        DatasetObservation seen = new DatasetObservation(null, FILES, null, failed, null);
        assertThat(DatasetDecider.decide(seen, "n")).isEqualTo(new DatasetDecision.Idle());
        LoraDatasetStatus status = derive(null, seen, DatasetOutcome.NOTHING);
        assertThat(status.getPhase()).isEqualTo(DatasetPhase.Failed);
        assertThat(status.getError().getMessage()).isEqualTo("bad caption");
    }

    @Test
    void missingCredentialsWaitWithoutARemoteCall() {
        DatasetObservation seen = new DatasetObservation("Secret ns/token does not exist", null, null, null, null);
        assertThat(DatasetDecider.decide(seen, "n")).isEqualTo(new DatasetDecision.Idle());
        LoraDatasetStatus status = derive(null, seen, DatasetOutcome.NOTHING);
        assertThat(status.getPhase()).isEqualTo(DatasetPhase.Pending);
        assertThat(condition(status, "Synced").getReason()).isEqualTo("MissingCredentials");
    }

    @Test
    void aDatasetThatCanNoLongerBeSeenIsUnknownAndKeepsWhatWasLearned() {
        LoraDatasetStatus known = derive(null, new DatasetObservation(null, FILES, null,
                remote("READY", file("a.jpg", 10), file("a.txt", 3)), null), DatasetOutcome.NOTHING);
        DatasetObservation lost = new DatasetObservation(null, FILES, null, null, "the API answered 503");
        assertThat(DatasetDecider.decide(lost, "n")).isEqualTo(new DatasetDecision.Poll());
        LoraDatasetStatus status = derive(known, lost, DatasetOutcome.NOTHING);
        assertThat(status.getPhase()).isEqualTo(DatasetPhase.Unknown);
        assertThat(status.getRemoteId()).isEqualTo("id-1");
        assertThat(status.getFiles().getSummary()).isEqualTo("2/2");
        assertThat(status.getLastSyncTime()).isEqualTo(known.getLastSyncTime());
    }

    @Test
    void aPassUploadsABoundedBatchSoTenThousandFilesTakeManyShortPasses() {
        List<DesiredFile> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(new DesiredFile("img_" + i + ".jpg", 1_000));
        }
        DatasetDecision decision = DatasetDecider.decide(new DatasetObservation(null, many, null, remote("DRAFT"), null), "n");
        assertThat(((DatasetDecision.Upload) decision).files()).hasSize(DatasetDecider.MAX_FILES_PER_PASS)
                .startsWith(many.get(0));
    }

    @Test
    void theReadyConditionKeepsItsTransitionTimeWhileItHolds() {
        DatasetObservation ready = new DatasetObservation(null, FILES, null,
                remote("READY", file("a.jpg", 10), file("a.txt", 3)), null);
        LoraDatasetStatus first = derive(null, ready, DatasetOutcome.NOTHING);
        LoraDatasetStatus later = DatasetStatusRules.derive(first, 1, ready, DatasetOutcome.NOTHING, NOW.plusSeconds(60));
        assertThat(condition(later, "Ready").getLastTransitionTime()).isEqualTo(NOW.toString());
    }

    private static LoraDatasetStatus derive(LoraDatasetStatus previous, DatasetObservation seen, DatasetOutcome outcome) {
        return DatasetStatusRules.derive(previous, 1, seen, outcome, NOW);
    }

    private static JobCondition condition(LoraDatasetStatus status, String type) {
        return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }

    private static RemoteDataset remote(String status, RemoteFile... files) {
        return new RemoteDataset("id-1", "ns-pets", status, null, List.of(files));
    }

    private static RemoteFile file(String name, long size) {
        return new RemoteFile(name, size);
    }
}
