package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loraoperator.simulator.MutableClock;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.RecordedRequest;
import dev.loraoperator.simulator.Timeline;
import dev.loraoperator.simulator.TrainerSimulator;
import dev.loraoperator.simulator.UploadRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dataset client against the simulator: every endpoint of trainer-api.md §3, and how failures are told apart. */
class HttpDatasetApiTest {
    private static final String TOKEN = "sk-dataset-client-test";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final TrainerSimulator sim = TrainerSimulator.start(0, TOKEN, Timeline.manual(), clock);
    private final List<String> observed = new ArrayList<>();
    private final RequestObserver observer = (op, outcome, latency) -> observed.add(op.tag() + ":" + outcome);
    private final HttpDatasetApi api = new HttpDatasetApi(new HttpTrainerApi(URI.create(sim.baseUrl()),
            Duration.ofSeconds(1), Duration.ofSeconds(5), new RateLimiter(1000, Clock.systemUTC()), observer),
            Duration.ofSeconds(1), observer);
    private final ApiToken token = new ApiToken(TOKEN);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void createsListsUploadsBothWaysAndFollowsTheDatasetToReady() throws Exception {
        RemoteDataset created = api.create(token, "corgis");
        assertThat(created.status()).isEqualTo("DRAFT");
        assertThat(api.list(token)).extracting(RemoteDataset::name).containsExactly("corgis");

        api.upload(token, created.id(), file("dog_01.txt", "a corgi on a beach"));
        Map<String, SignedUpload> targets = api.uploadEndpoints(token, created.id(), Map.of("dog_01.jpg", 5L));
        api.put(targets.get("dog_01.jpg"), file("dog_01.jpg", "JPEG!"));

        RemoteDataset uploading = api.status(token, created.id());
        assertThat(uploading.status()).isEqualTo("UPLOADING");
        assertThat(uploading.files()).containsExactly(new RemoteFile("dog_01.jpg", 5), new RemoteFile("dog_01.txt", 18));
        clock.advance(Duration.ofSeconds(3));
        assertThat(api.status(token, created.id()).status()).isEqualTo("READY");
        assertThat(sim.uploads()).extracting(UploadRecord::filename, UploadRecord::size, UploadRecord::via)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dog_01.txt", 18L, "direct"),
                        org.assertj.core.groups.Tuple.tuple("dog_01.jpg", 5L, "signed"));
        assertThat(sim.uploads().get(0).sha256()).isEqualTo(Fingerprints.sha256Hex("a corgi on a beach"));
        assertThat(observed).contains("upload_file:success", "signed_upload:success", "upload_endpoint:success");
    }

    @Test
    void theSignedPutCarriesTheSignedHeadersAndNoToken() throws Exception {
        String id = api.create(token, "no_token").id();
        SignedUpload target = api.uploadEndpoints(token, id, Map.of("a.png", 3L)).get("a.png");
        assertThat(target.headers()).containsEntry("Content-Type", "image/png");
        assertThat(target.toString()).doesNotContain(target.url().getPath()).doesNotContain("Signature");

        api.put(target, file("a.png", "PNG"));
        RecordedRequest put = sim.requests().stream().filter(r -> r.operation() == Operation.STORAGE_PUT).findFirst()
                .orElseThrow();
        assertThat(put.authorizationPresent()).isFalse();
        assertThat(sim.datasets().get(0).files()).containsEntry("a.png", 3L);
    }

    @Test
    void theListIsReadInBothShapes() throws Exception {
        api.create(token, "one");
        api.create(token, "two");
        sim.listDatasetsAsBareArray(true);
        assertThat(api.list(token)).extracting(RemoteDataset::name).containsExactly("one", "two");
    }

    @Test
    void aNameInUseIsARefusalWithTheApisCode() throws Exception {
        api.create(token, "taken");
        TrainerException conflict = failure(() -> api.create(token, "taken"));
        assertThat(conflict.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(conflict.httpStatus()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("40901");
    }

    @Test
    void deleteAcceptsAnEmptyAnswerAndTheDatasetIsGone() throws Exception {
        String id = api.create(token, "doomed").id();
        api.delete(token, id);
        assertThat(sim.datasets()).isEmpty();
        assertThat(failure(() -> api.status(token, id)).isNotFound()).isTrue();
    }

    @Test
    void aSourceFailingHalfwayIsASourceErrorAndNothingIsStored() throws Exception {
        String id = api.create(token, "broken").id();
        UploadFile failing = new UploadFile("clip.mp4", 1_000_000, () -> new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 300_000) {
                    throw new IOException("connection to the source reset");
                }
                return 7;
            }
        });
        assertThatThrownBy(() -> api.upload(token, id, failing)).isInstanceOf(IOException.class)
                .hasMessage("connection to the source reset");
        SignedUpload target = api.uploadEndpoints(token, id, Map.of("clip.mp4", 1_000_000L)).get("clip.mp4");
        assertThatThrownBy(() -> api.put(target, failing)).isInstanceOf(IOException.class)
                .hasMessage("connection to the source reset");
        assertThat(sim.uploads()).isEmpty();
        assertThat(sim.datasets().get(0).files()).isEmpty();
    }

    @Test
    void aSourceShorterThanAnnouncedFailsTheUploadInsteadOfSendingAShortFile() throws Exception {
        String id = api.create(token, "short").id();
        SignedUpload target = api.uploadEndpoints(token, id, Map.of("a.jpg", 10L)).get("a.jpg");
        assertThatThrownBy(() -> api.put(target, file("a.jpg", 10, "only7by")))
                .isInstanceOf(IOException.class).hasMessageContaining("a.jpg: the source gave 7 bytes, 10 were announced");
        assertThat(sim.uploads()).isEmpty();
    }

    @Test
    void anExpiredSignedUrlIsARefusalThatNamesNoUrl() throws Exception {
        String id = api.create(token, "late").id();
        sim.signedUrlLifetime(Duration.ofMinutes(1));
        SignedUpload target = api.uploadEndpoints(token, id, Map.of("a.jpg", 3L)).get("a.jpg");
        clock.advance(Duration.ofMinutes(2));
        TrainerException expired = failure(() -> api.put(target, file("a.jpg", "abc")));
        assertThat(expired.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(expired.httpStatus()).isEqualTo(403);
        assertThat(expired.getMessage()).contains("expired").doesNotContain(target.url().getPath());
    }

    @Test
    void uploadFailuresAreClassifiedLikeJobCalls() throws Exception {
        String id = api.create(token, "flaky").id();
        sim.faults().serverError(Operation.UPLOAD_FILE, 1).rateLimit(Operation.DATASET_STATUS, 1, 3)
                .serverError(Operation.STORAGE_PUT, 1);
        assertThat(failure(() -> api.upload(token, id, file("a.txt", "x"))).outcome())
                .isEqualTo(Outcome.OUTCOME_UNKNOWN);
        SignedUpload target = api.uploadEndpoints(token, id, Map.of("a.txt", 1L)).get("a.txt");
        assertThat(failure(() -> api.put(target, file("a.txt", "x"))).outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
        // last: a 429 pauses every later call of this client for its Retry-After
        assertThat(failure(() -> api.status(token, id)).outcome()).isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(sim.uploads()).isEmpty();
    }

    private static UploadFile file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new UploadFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static UploadFile file(String name, long announced, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new UploadFile(name, announced, () -> new ByteArrayInputStream(bytes));
    }

    private static TrainerException failure(Call call) {
        try {
            call.run();
        } catch (TrainerException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("a source failure where an API failure was expected", e);
        }
        throw new AssertionError("expected a TrainerException");
    }

    interface Call {
        void run() throws TrainerException, IOException;
    }
}
