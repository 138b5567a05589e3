package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.api.v1alpha1.DatasetPhase;
import dev.loraoperator.api.v1alpha1.LoraDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LoraDataset Argo CD health check, run by the real lua5.1 on every case of its health_test.yaml, on test data
 * that are valid LoraDatasets: Healthy on Ready; Progressing only while the operator is at work; Degraded on Failed
 * and Unknown.
 */
class LoraDatasetHealthCheckTest {
    private static final Path DIR = ArgoCdHealthCheckTest.DATASET_DIR;

    @Test
    void everyTestCaseGivesItsExpectedHealth(@TempDir Path tmp) throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (ArgoCdHealthCheckTest.Case c : ArgoCdHealthCheckTest.cases(DIR)) {
            String[] actual = ArgoCdHealthCheckTest.run(DIR, c.input(), tmp);
            if (!c.status().equals(actual[0]) || !c.message().equals(actual[1])) {
                mismatches.add(c.inputPath() + ": expected " + c.status() + " \"" + c.message() + "\", got "
                        + actual[0] + " \"" + actual[1] + "\"");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyTestDataFileIsAValidLoraDatasetAndHasACase() throws IOException {
        Set<String> covered = ArgoCdHealthCheckTest.cases(DIR).stream().map(ArgoCdHealthCheckTest.Case::inputPath)
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(DIR.resolve("testdata"))) {
            for (Path file : files.toList()) {
                assertThat(covered).contains("testdata/" + file.getFileName());
                ObjectNode tree = (ObjectNode) Manifests.tree(Files.readString(file));
                String phase = tree.path("status").path("phase").asText(null);
                if (phase != null && Arrays.stream(DatasetPhase.values()).noneMatch(p -> p.name().equals(phase))) {
                    assertThat(file.getFileName().toString()).startsWith("unknown_");
                    ((ObjectNode) tree.get("status")).remove("phase");
                }
                StrictParser.parse(tree, LoraDataset.class);
            }
        }
    }

    @Test
    void everyPhaseIsCoveredWithItsDesignedHealth() throws IOException {
        Map<DatasetPhase, List<String>> healthByPhase = new HashMap<>();
        for (ArgoCdHealthCheckTest.Case c : ArgoCdHealthCheckTest.cases(DIR)) {
            JsonNode status = c.input().path("status");
            // a resource being deleted is judged by its deletion, not its phase
            boolean current = status.path("observedGeneration").asLong(-1)
                    >= c.input().path("metadata").path("generation").asLong(0)
                    && c.input().path("metadata").path("deletionTimestamp").isMissingNode();
            Arrays.stream(DatasetPhase.values()).filter(p -> current && p.name().equals(status.path("phase").asText()))
                    .findFirst().ifPresent(p -> healthByPhase.computeIfAbsent(p, k -> new ArrayList<>()).add(c.status()));
        }
        assertThat(healthByPhase.keySet()).containsExactlyInAnyOrder(DatasetPhase.values());
        assertThat(healthByPhase.get(DatasetPhase.Ready)).containsOnly("Healthy");
        assertThat(healthByPhase.get(DatasetPhase.Uploading)).containsOnly("Progressing");
        assertThat(healthByPhase.get(DatasetPhase.Processing)).containsOnly("Progressing");
        assertThat(healthByPhase.get(DatasetPhase.Pending)).contains("Progressing");
        assertThat(healthByPhase.get(DatasetPhase.Failed)).containsOnly("Degraded");
        assertThat(healthByPhase.get(DatasetPhase.Unknown)).containsOnly("Degraded");
    }
}
