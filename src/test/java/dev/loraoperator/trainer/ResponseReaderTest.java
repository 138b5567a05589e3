package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void readsAFullStatusAndIgnoresUnknownFields() throws Exception {
        RemoteJob job = ResponseReader.job(json("""
                {"id":"j1","name":"n","status":"RUNNING","progress":{"current_step":320,"total_steps":2000,"percent":16},
                 "error":null,"created_at":"2026-01-01T10:00:00Z","started_at":"2026-01-01T10:03:12Z","surprise":[1]}
                """));
        assertThat(job.id()).isEqualTo("j1");
        assertThat(job.progress()).isEqualTo(new RemoteProgress(320, 2000, 16.0));
        assertThat(job.error()).isNull();
        assertThat(job.startedAt()).isEqualTo("2026-01-01T10:03:12Z");
    }

    @Test
    void toleratesMissingOrOddProgress() throws Exception {
        assertThat(ResponseReader.job(json("{\"id\":\"j\",\"status\":\"IN_QUEUE\"}")).progress()).isNull();
        assertThat(ResponseReader.job(json("{\"status\":\"RUNNING\",\"progress\":\"50%\"}")).progress()).isNull();
        assertThat(ResponseReader.job(json("{\"status\":\"RUNNING\",\"progress\":{\"current_step\":5}}")).progress())
                .isNull();
    }

    @Test
    void toleratesAnEnvelopeAndNumbersWrittenAsText() throws Exception {
        RemoteJob job = ResponseReader.job(json("""
                {"data":{"id":"j9","status":"running","progress":{"current_step":"40","total_steps":"100"}}}
                """));
        assertThat(job.id()).isEqualTo("j9");
        assertThat(job.progress()).isEqualTo(new RemoteProgress(40, 100, null));
    }

    @Test
    void errorMayBeAnObjectAStringOrTheOlderErrorsKey() throws Exception {
        assertThat(ResponseReader.job(json("{\"status\":\"FAILED\",\"error\":{\"code\":\"OOM\",\"message\":\"out of memory\"}}"))
                .error()).isEqualTo(new RemoteError("OOM", "out of memory"));
        assertThat(ResponseReader.job(json("{\"status\":\"FAILED\",\"error\":\"disk full\"}")).error())
                .isEqualTo(new RemoteError(null, "disk full"));
        assertThat(ResponseReader.job(json("{\"status\":\"FAILED\",\"errors\":[\"boom\"]}")).error())
                .isEqualTo(new RemoteError(null, "boom"));
        assertThat(ResponseReader.job(json("{\"status\":\"FAILED\",\"error\":{\"weird\":1}}")).error().message())
                .isEqualTo("{\"weird\":1}");
    }

    @Test
    void collectsArtifactUrlsUnderPathOrUrl() throws Exception {
        RemoteResult result = ResponseReader.result(json("""
                {"status":"STOPPED","artifacts":{
                  "checkpoints":[{"path":"https://f/a_000000250.safetensors"},{"url":"https://f/a.safetensors"},{"path":"relative"}],
                  "config":{"path":"https://f/config.yaml"},
                  "samples":[{"path":"https://f/s/1__000000250_0.jpg","prompt":"x"}]},
                 "error":{"message":"Job failed: server was reclaimed.","code":"TRAINING_ERROR"}}
                """));
        assertThat(result.checkpointUrls()).containsExactly("https://f/a_000000250.safetensors", "https://f/a.safetensors");
        assertThat(result.configUrl()).isEqualTo("https://f/config.yaml");
        assertThat(result.sampleUrls()).hasSize(1);
        assertThat(result.error().code()).isEqualTo("TRAINING_ERROR");
    }

    @Test
    void everyStringIsCleanedAndCapped() throws Exception {
        String huge = "\\u001b[2Jdisk\\r\\nfull ".repeat(2_000);
        RemoteJob job = ResponseReader.job(json("{\"id\":\"j1\",\"name\":\"a\\nb\",\"status\":\"RUNN\\u0000ING\","
                + "\"error\":{\"code\":\"" + huge + "\",\"message\":\"" + huge + "\"}}"));
        assertThat(job.name()).isEqualTo("a b");
        assertThat(job.status()).isEqualTo("RUNNING");
        for (String text : new String[] {job.error().code(), job.error().message()}) {
            assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(RemoteText.MAX_BYTES);
            assertThat(text).startsWith("[2Jdisk full [2Jdisk").doesNotContainPattern("\\p{Cc}");
        }
        RemoteError stringError = ResponseReader.job(json("{\"status\":\"FAILED\",\"error\":\"" + huge + "\"}")).error();
        assertThat(stringError.message().length()).isLessThanOrEqualTo(RemoteText.MAX_BYTES);
        RemoteError oddError = ResponseReader.job(json("{\"status\":\"FAILED\",\"error\":{\"weird\":\"" + huge + "\"}}"))
                .error();
        assertThat(oddError.message().length()).isLessThanOrEqualTo(RemoteText.MAX_BYTES);
    }

    @Test
    void anIdThatCannotBeUsedVerbatimIsMissingRatherThanAltered() throws Exception {
        assertThat(ResponseReader.job(json("{\"id\":\"j1\\nj2\",\"status\":\"IN_QUEUE\"}")).id()).isNull();
        assertThat(ResponseReader.job(json("{\"id\":\"" + "j".repeat(3000) + "\",\"status\":\"IN_QUEUE\"}")).id())
                .isNull();
        assertThat(ResponseReader.job(json("{\"id\":42,\"status\":\"IN_QUEUE\"}")).id()).isEqualTo("42");
    }

    @Test
    void aUrlThatCannotBeUsedVerbatimIsLeftOut() throws Exception {
        RemoteResult result = ResponseReader.result(json("""
                {"status":"RUNNING","artifacts":{"checkpoints":[
                  {"path":"https://f/a\\r\\nX: y.safetensors"},{"path":"https://f/%s.safetensors"},
                  {"path":"https://f/ok.safetensors"}]}}
                """.formatted("a".repeat(3000))));
        assertThat(result.checkpointUrls()).containsExactly("https://f/ok.safetensors");
    }

    @Test
    void aJobWithIdOrStatusIsReadAsItIsAndOtherwiseFromItsEnvelope() throws Exception {
        assertThat(ResponseReader.job(json("{\"job\":{\"id\":\"j4\",\"status\":\"RUNNING\"}}")).id()).isEqualTo("j4");
        // With its own id or status, a "data" field is part of the job, not an envelope.
        assertThat(ResponseReader.job(json("{\"id\":\"j5\",\"data\":{\"id\":\"other\"}}")).id()).isEqualTo("j5");
        assertThat(ResponseReader.job(json("{\"status\":\"RUNNING\",\"data\":{\"id\":\"other\"}}")).id()).isNull();
        assertThat(ResponseReader.job(json("{\"data\":\"text\",\"job\":{\"id\":\"j6\"}}")).id()).isEqualTo("j6");
        assertThat(ResponseReader.job(json("{\"data\":[1],\"name\":\"bare\"}")).name()).isEqualTo("bare");
    }

    @Test
    void everyJobFieldIsRead() throws Exception {
        RemoteJob job = ResponseReader.job(json("""
                {"id":"j1","name":"n","status":"SUCCEEDED","created_at":"c","started_at":"s","finished_at":"f",
                 "progress":{"current_step":2000,"total_steps":2000,"percent":"100.0"}}
                """));

        assertThat(job).isEqualTo(new RemoteJob("j1", "n", "SUCCEEDED", new RemoteProgress(2000, 2000, 100.0), null,
                "c", "s", "f"));
    }

    @Test
    void aNonNumericPercentIsDroppedButTheStepsAreKept() throws Exception {
        assertThat(ResponseReader.job(json("{\"status\":\"RUNNING\",\"progress\":{\"current_step\":-1,"
                + "\"total_steps\":\"10\",\"percent\":\"lots\"}}")).progress()).isEqualTo(new RemoteProgress(-1, 10, null));
        assertThat(ResponseReader.job(json("{\"status\":\"RUNNING\",\"progress\":{\"current_step\":\"1e3\","
                + "\"total_steps\":10}}")).progress()).isNull();
        assertThat(ResponseReader.job(json("{\"status\":\"RUNNING\",\"progress\":{\"current_step\":1,"
                + "\"total_steps\":\"ten\"}}")).progress()).isNull();
    }

    @Test
    void anEmptyOrNullErrorIsNoError() throws Exception {
        for (String error : new String[] {"\"error\":null", "\"error\":\"\"", "\"error\":\"  \"", "\"errors\":[]",
            "\"errors\":null", "\"other\":1"}) {
            assertThat(ResponseReader.job(json("{\"status\":\"FAILED\"," + error + "}")).error()).as(error).isNull();
        }
    }

    @Test
    void theErrorMessageAndCodeAreFoundUnderEitherName() throws Exception {
        assertThat(ResponseReader.job(json("{\"error\":{\"error_code\":\"E1\",\"error_message\":\"m1\"}}")).error())
                .isEqualTo(new RemoteError("E1", "m1"));
        assertThat(ResponseReader.job(json("{\"error\":{\"detail\":\"m2\"}}")).error()).isEqualTo(new RemoteError(null, "m2"));
        assertThat(ResponseReader.job(json("{\"error\":null,\"errors\":[{\"code\":\"E3\",\"message\":\"m3\"}]}"))
                .error()).isEqualTo(new RemoteError("E3", "m3"));
    }

    @Test
    void artifactUrlsMayBePlainStringsAndOnlyWebUrlsCount() throws Exception {
        RemoteResult result = ResponseReader.result(json("""
                {"status":"STOPPED","artifacts":{
                  "checkpoints":["http://f/a_1.safetensors", "ftp://f/b.safetensors", "relative", 7, null,
                                 [{"url":"https://f/nested.safetensors"}],
                                 {"path":"not-a-url","url":"https://f/second-key.safetensors"}, {"path":5}],
                  "config":[{"url":"https://f/c1.yaml"},{"url":"https://f/c2.yaml"}]}}
                """));

        assertThat(result.checkpointUrls()).containsExactly("http://f/a_1.safetensors", "https://f/nested.safetensors",
                "https://f/second-key.safetensors");
        assertThat(result.configUrl()).isEqualTo("https://f/c1.yaml");
        assertThat(result.sampleUrls()).isEmpty();
        assertThat(result.error()).isNull();
    }

    @Test
    void aResultWithoutArtifactsHasNoUrls() throws Exception {
        RemoteResult result = ResponseReader.result(json("{\"data\":{\"status\":\"RUNNING\"}}"));

        assertThat(result).isEqualTo(new RemoteResult("RUNNING", null, List.of(), List.of(), null));
    }

    @Test
    void onlyAResultWithAnArtifactsObjectSaysWhatTheArtifactsAre() throws Exception {
        assertThat(ResponseReader.hasArtifacts(json("{\"status\":\"RUNNING\",\"artifacts\":{}}"))).isTrue();
        assertThat(ResponseReader.hasArtifacts(json("{\"data\":{\"artifacts\":{\"checkpoints\":[]}}}"))).isTrue();
        assertThat(ResponseReader.hasArtifacts(json("{\"status\":\"RUNNING\"}"))).isFalse();
        assertThat(ResponseReader.hasArtifacts(json("{\"status\":\"RUNNING\",\"artifacts\":null}"))).isFalse();
        assertThat(ResponseReader.hasArtifacts(json("{}"))).isFalse();
    }

    @Test
    void aFieldHoldingAnObjectOrNullIsNoText() throws Exception {
        RemoteJob job = ResponseReader.job(json("{\"id\":{\"x\":1},\"name\":null,\"status\":42}"));

        assertThat(job.id()).isNull();
        assertThat(job.name()).isNull();
        assertThat(job.status()).isEqualTo("42");
    }
}
