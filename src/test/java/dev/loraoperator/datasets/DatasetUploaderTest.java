package dev.loraoperator.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import dev.loraoperator.simulator.UploadRecord;
import dev.loraoperator.trainer.ApiToken;
import dev.loraoperator.trainer.HttpDatasetApi;
import dev.loraoperator.trainer.HttpTrainerApi;
import dev.loraoperator.trainer.RateLimiter;
import dev.loraoperator.trainer.RequestObserver;
import dev.loraoperator.trainer.TrainerException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uploads from sources into the simulator: direct or signed by size, and a restart half-way re-sends nothing. */
class DatasetUploaderTest {
    private final TrainerSimulator sim = TrainerSimulator.start(0, "t", Timeline.manual());
    private final HttpDatasetApi api = new HttpDatasetApi(new HttpTrainerApi(URI.create(sim.baseUrl()),
            Duration.ofSeconds(2), Duration.ofSeconds(5), new RateLimiter(1000, Clock.systemUTC()),
            RequestObserver.NONE), Duration.ofSeconds(2), RequestObserver.NONE);
    private final ApiToken token = new ApiToken("t");
    private final List<String> observed = new ArrayList<>();
    private final UploadObserver observer = new UploadObserver() {
        @Override
        public void fileUploaded(String via, long bytes) {
            observed.add(via + ":" + bytes);
        }

        @Override
        public void uploadFailed(String cause) {
            observed.add("failed:" + cause);
        }
    };

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void smallFilesGoDirectAndLargeOnesThroughASignedUrl() throws Exception {
        String id = api.create(token, "mixed").id();
        FakeSource source = new FakeSource(List.of("a.txt", "a.jpg"), List.of("tiny", "a bigger picture"), -1);
        DatasetOutcome outcome = new DatasetUploader(api, 10, observer).upload(token, id,
                List.of(new DatasetUploader.ListedSource(source, source.list())), source.list());
        assertThat(outcome.uploaded()).extracting(DesiredFile::name).containsExactly("a.txt", "a.jpg");
        assertThat(sim.uploads()).extracting(UploadRecord::filename, UploadRecord::via).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.txt", "direct"),
                org.assertj.core.groups.Tuple.tuple("a.jpg", "signed"));
        assertThat(observed).containsExactly("direct:4", "signed:16");
    }

    @Test
    void aSourceFailingHalfwayThenARestartUploadsEachFileOnce() throws Exception {
        String id = api.create(token, "restart").id();
        List<String> names = List.of("1.jpg", "1.txt", "2.jpg", "2.txt");
        List<String> contents = List.of("one", "caption one", "two", "caption two");
        FakeSource failing = new FakeSource(names, contents, 2);
        List<DesiredFile> desired = failing.list();

        DatasetOutcome first = new DatasetUploader(api, observer).upload(token, id,
                List.of(new DatasetUploader.ListedSource(failing, desired)), desired);
        assertThat(first.sourceFailure()).isEqualTo("files[0] (2.jpg): the source went away");
        assertThat(first.uploaded()).extracting(DesiredFile::name).containsExactly("1.jpg", "1.txt");
        assertThat(observed).containsExactly("direct:3", "direct:11", "failed:source");

        // a new pass (or a restarted operator) plans from the remote file list alone
        FakeSource healed = new FakeSource(names, contents, -1);
        UploadPlan plan = UploadPlan.of(desired, api.status(token, id).files());
        assertThat(plan.toUpload()).extracting(DesiredFile::name).containsExactly("2.jpg", "2.txt");
        DatasetOutcome second = new DatasetUploader(api, observer).upload(token, id,
                List.of(new DatasetUploader.ListedSource(healed, desired)), plan.toUpload());
        assertThat(second.sourceFailure()).isNull();
        assertThat(sim.uploads()).extracting(UploadRecord::filename).containsExactly(names.toArray(String[]::new));
        assertThat(UploadPlan.of(desired, api.status(token, id).files()).complete()).isTrue();
    }

    /** A hand-written source: fixed files, and optionally a failure when the file at {@code failAt} is read. */
    private static final class FakeSource implements FileSource {
        private final List<String> names;
        private final List<String> contents;
        private final int failAt;

        FakeSource(List<String> names, List<String> contents, int failAt) {
            this.names = names;
            this.contents = contents;
            this.failAt = failAt;
        }

        @Override
        public List<DesiredFile> list() {
            List<DesiredFile> files = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                files.add(new DesiredFile(names.get(i), contents.get(i).getBytes(StandardCharsets.UTF_8).length));
            }
            return files;
        }

        @Override
        public void read(List<DesiredFile> wanted, FileSink sink) throws SourceException, TrainerException {
            for (DesiredFile file : wanted) {
                int index = names.indexOf(file.name());
                if (index == failAt) {
                    throw new SourceException("files[0] (" + file.name() + "): the source went away");
                }
                InputStream bytes = new ByteArrayInputStream(contents.get(index).getBytes(StandardCharsets.UTF_8));
                try {
                    sink.accept(file, bytes);
                } catch (SourceException | TrainerException e) {
                    throw e;
                } catch (java.io.IOException e) {
                    throw new SourceException(e.getMessage(), e);
                }
            }
        }
    }
}
