package dev.loraoperator.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.trainer.RemoteFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure comparison of desired files with the remote file list, by name and size. */
class UploadPlanTest {

    @Test
    void uploadsOnlyWhatIsMissingOrOfAnotherSize() {
        UploadPlan plan = UploadPlan.of(List.of(file("a.jpg", 10), file("a.txt", 3), file("b.jpg", 20)),
                List.of(new RemoteFile("a.jpg", 10), new RemoteFile("a.txt", 4)));
        assertThat(plan.toUpload()).containsExactly(file("a.txt", 3), file("b.jpg", 20));
        assertThat(plan.present()).isEqualTo(1);
        assertThat(plan.bytesPresent()).isEqualTo(10);
        assertThat(plan.bytesTotal()).isEqualTo(33);
        assertThat(plan.desired()).isEqualTo(3);
        assertThat(plan.complete()).isFalse();
    }

    @Test
    void aCompleteRemoteListNeedsNothingAndExtraFilesAreReportedNotUploaded() {
        UploadPlan plan = UploadPlan.of(List.of(file("a.jpg", 10)),
                List.of(new RemoteFile("old.jpg", 5), new RemoteFile("a.jpg", 10)));
        assertThat(plan.complete()).isTrue();
        assertThat(plan.extra()).containsExactly("old.jpg");
    }

    @Test
    void aNameGivenTwiceTakesTheLaterSize() {
        UploadPlan plan = UploadPlan.of(List.of(file("a.jpg", 10), file("a.jpg", 12)), List.of(new RemoteFile("a.jpg", 10)));
        assertThat(plan.toUpload()).containsExactly(file("a.jpg", 12));
        assertThat(plan.desired()).isEqualTo(1);
    }

    private static DesiredFile file(String name, long size) {
        return new DesiredFile(name, size);
    }
}
