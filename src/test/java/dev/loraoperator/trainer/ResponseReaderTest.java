package dev.loraoperator.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}
