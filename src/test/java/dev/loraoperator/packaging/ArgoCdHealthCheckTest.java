package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.Phase;
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
 * The Argo CD health check, run by the real lua5.1 interpreter on every case of its health_test.yaml (Argo CD's
 * own test format), on test data that are valid LoraTrainingJobs; every phase is covered, and only the phases in
 * which the operator is still at work leave Argo CD showing Progressing.
 */
class ArgoCdHealthCheckTest {
    static final Path DIR = Path.of("docs", "argocd", "training.lora-operator.dev", "LoraTrainingJob");
    static final Path CM_PATCH = Path.of("docs", "argocd", "argocd-cm-patch.yaml");
    static final String CM_KEY = "resource.customizations.health.training.lora-operator.dev_LoraTrainingJob";
    static final Path DATASET_DIR = Path.of("docs", "argocd", "training.lora-operator.dev", "LoraDataset");
    static final String DATASET_CM_KEY = "resource.customizations.health.training.lora-operator.dev_LoraDataset";
    private static final Set<Phase> AT_WORK = Set.of(Phase.Pending, Phase.Queued, Phase.Running);

    record Case(String inputPath, String status, String message, JsonNode input) {
    }

    @Test
    void everyTestCaseGivesItsExpectedHealth(@TempDir Path tmp) throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Case c : cases(DIR)) {
            String[] actual = run(DIR, c.input(), tmp);
            if (!c.status().equals(actual[0]) || !c.message().equals(actual[1])) {
                mismatches.add(c.inputPath() + ": expected " + c.status() + " \"" + c.message() + "\", got "
                        + actual[0] + " \"" + actual[1] + "\"");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyTestDataFileIsAValidLoraTrainingJobAndHasACase() throws IOException {
        Set<String> covered = cases(DIR).stream().map(Case::inputPath).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(DIR.resolve("testdata"))) {
            for (Path file : files.toList()) {
                assertThat(covered).contains("testdata/" + file.getFileName());
                ObjectNode tree = (ObjectNode) Manifests.tree(Files.readString(file));
                String phase = tree.path("status").path("phase").asText(null);
                if (phase != null && Arrays.stream(Phase.values()).noneMatch(p -> p.name().equals(phase))) {
                    // The one case that plays a newer operator's phase: valid apart from that phase.
                    assertThat(file.getFileName().toString()).startsWith("unknown_");
                    ((ObjectNode) tree.get("status")).remove("phase");
                }
                StrictParser.parse(tree, LoraTrainingJob.class);
            }
        }
    }

    @Test
    void everyPhaseIsCoveredAndOnlyPhasesAtWorkAreProgressing() throws IOException {
        Map<Phase, List<String>> healthByPhase = new HashMap<>();
        for (Case c : cases(DIR)) {
            JsonNode status = c.input().path("status");
            long generation = c.input().path("metadata").path("generation").asLong(0);
            boolean current = status.path("observedGeneration").asLong(-1) >= generation;
            Arrays.stream(Phase.values()).filter(p -> p.name().equals(status.path("phase").asText()))
                    .filter(p -> current).findFirst()
                    .ifPresent(p -> healthByPhase.computeIfAbsent(p, k -> new ArrayList<>()).add(c.status()));
        }
        assertThat(healthByPhase.keySet()).containsExactlyInAnyOrder(Phase.values());
        healthByPhase.forEach((phase, healths) -> {
            if (!AT_WORK.contains(phase)) {
                assertThat(healths).as(phase.name()).doesNotContain("Progressing");
            }
        });
        assertThat(healthByPhase.get(Phase.Succeeded)).containsOnly("Healthy");
        assertThat(healthByPhase.get(Phase.Suspended)).containsOnly("Suspended");
        for (Phase ended : List.of(Phase.Failed, Phase.Invalid, Phase.Unknown, Phase.Interrupted, Phase.Canceled)) {
            assertThat(healthByPhase.get(ended)).as(ended.name()).containsOnly("Degraded");
        }
    }

    @Test
    void argocdConfigMapPatchCarriesTheSameScripts() throws IOException {
        StringBuilder patch = new StringBuilder("""
                # Adds the LoraTrainingJob and LoraDataset health checks to Argo CD. Generated from
                # docs/argocd/training.lora-operator.dev/*/health.lua by ArgoCdHealthCheckTest.
                #   kubectl -n argocd patch configmap argocd-cm --patch-file docs/argocd/argocd-cm-patch.yaml
                data:
                """);
        Map<String, Path> scripts = new java.util.LinkedHashMap<>();
        scripts.put(CM_KEY, DIR);
        scripts.put(DATASET_CM_KEY, DATASET_DIR);
        for (Map.Entry<String, Path> entry : scripts.entrySet()) {
            patch.append("  ").append(entry.getKey()).append(": |\n");
            Files.readString(entry.getValue().resolve("health.lua")).lines()
                    .forEach(line -> patch.append(line.isEmpty() ? "" : "    " + line).append('\n'));
        }
        if (System.getProperty("update-argocd") != null) {
            Files.writeString(CM_PATCH, patch.toString());
        }
        assertThat(CM_PATCH).as("stale: run mvn -B test -Dtest=ArgoCdHealthCheckTest -Dupdate-argocd").exists();
        assertThat(Files.readString(CM_PATCH)).isEqualTo(patch.toString());
        for (Map.Entry<String, Path> entry : scripts.entrySet()) {
            assertThat(Manifests.tree(Files.readString(CM_PATCH)).path("data").path(entry.getKey()).asText())
                    .isEqualTo(Files.readString(entry.getValue().resolve("health.lua")));
        }
    }

    static List<Case> cases(Path dir) throws IOException {
        JsonNode tests = Manifests.tree(Files.readString(dir.resolve("health_test.yaml"))).path("tests");
        List<Case> cases = new ArrayList<>();
        for (JsonNode test : tests) {
            String inputPath = test.path("inputPath").asText();
            cases.add(new Case(inputPath, test.path("healthStatus").path("status").asText(),
                    test.path("healthStatus").path("message").asText(),
                    Manifests.tree(Files.readString(dir.resolve(inputPath)))));
        }
        assertThat(cases).isNotEmpty();
        return cases;
    }

    /** Runs health.lua as Argo CD does: `obj` is a global, the script returns {status, message}. */
    static String[] run(Path dir, JsonNode input, Path tmp) throws IOException {
        Path harness = Files.createTempFile(tmp, "case", ".lua");
        Files.writeString(harness, "obj = " + LuaLiteral.of(input) + "\n"
                + "local check = assert(loadfile(\"" + dir.resolve("health.lua").toAbsolutePath() + "\"))\n"
                + "local hs = check()\n"
                + "io.write(tostring(hs.status), \"\\n\", tostring(hs.message))\n");
        String out = Tools.runOk("lua5.1", List.of(harness.toString()));
        String[] lines = out.split("\n", 2);
        return new String[] {lines[0], lines.length > 1 ? lines[1] : ""};
    }
}
