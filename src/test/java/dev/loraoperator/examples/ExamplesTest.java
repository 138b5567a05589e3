package dev.loraoperator.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.config.ConfigLimits;
import dev.loraoperator.config.ConfigPreparer;
import dev.loraoperator.config.InvalidConfigException;
import dev.loraoperator.config.PreparedConfig;
import dev.loraoperator.crdvalidation.Admission;
import dev.loraoperator.crdvalidation.CrdValidator;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in examples/ is one a user can apply as is: valid against the CRD's schema and CEL rules, and its
 * AI Toolkit config passes the rules the operator applies before it submits anything.
 */
class ExamplesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path EXAMPLES = Path.of("examples");
    private static final List<CrdValidator> CRDS = CrdValidator.allIn(Path.of("crds"));
    private static final ConfigPreparer PREPARER = new ConfigPreparer(ConfigLimits.defaults());

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eachJobIsValidAgainstTheCrdAndItsConfigAgainstTheRules(Path file) throws Exception {
        List<JsonNode> documents = documents(file);
        List<JsonNode> jobs = documents.stream().filter(d -> "LoraTrainingJob".equals(d.path("kind").asText())).toList();
        assertThat(jobs).as(file + " holds a LoraTrainingJob").isNotEmpty();
        for (JsonNode job : jobs) {
            assertThat(job.path("apiVersion").asText()).isEqualTo(LoraTrainingJob.GROUP + "/" + LoraTrainingJob.VERSION);
            assertThat(job.at("/metadata/namespace").isMissingNode())
                    .as("no namespace, so the example lands in the current one").isTrue();
            // what kube-apiserver would do with it: schema, CEL rules, and no field it would drop
            Admission admission = crdOf(job).create(job);
            assertThat(admission.errors()).as(admission.message()).isEmpty();
            assertThat(admission.unknownFields()).as("fields a cluster would drop").isEmpty();

            LoraTrainingJobSpec spec = Serialization.unmarshal(job.toString(), LoraTrainingJob.class).getSpec();
            PreparedConfig prepared = prepare(spec, documents);
            assertThat(prepared.yaml()).contains("/app/ai-toolkit/output", "/app/ai-toolkit/datasets/");
        }
    }

    @Test
    void theExamplesCoverFluxVideoAndAConfigMapAndNameTheirRunsApart() throws Exception {
        List<PreparedConfig> configs = new ArrayList<>();
        boolean configMap = false;
        for (Path file : examples().toList()) {
            List<JsonNode> documents = documents(file);
            for (JsonNode job : documents) {
                if ("LoraTrainingJob".equals(job.path("kind").asText())) {
                    LoraTrainingJobSpec spec = Serialization.unmarshal(job.toString(), LoraTrainingJob.class).getSpec();
                    configMap |= spec.getConfigFrom() != null;
                    configs.add(prepare(spec, documents));
                }
            }
        }
        assertThat(configs).anySatisfy(c -> assertThat(c.yaml()).contains("black-forest-labs/FLUX.1-dev"));
        assertThat(configs).anySatisfy(c -> assertThat(c.yaml()).containsPattern("arch: \"wan2[12]")
                .containsPattern("num_frames: [2-9][0-9]"));
        assertThat(configMap).isTrue();
        Set<String> names = new HashSet<>();
        configs.forEach(c -> assertThat(names.add(c.name())).as("config.name " + c.name() + " is unique").isTrue());
    }

    private static CrdValidator crdOf(JsonNode object) {
        return CRDS.stream().filter(v -> object.path("apiVersion").asText().startsWith(v.group() + "/")
                && v.kind().equals(object.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no CRD in crds/ for " + object.path("kind").asText()));
    }

    private static PreparedConfig prepare(LoraTrainingJobSpec spec, List<JsonNode> documents)
            throws InvalidConfigException {
        if (spec.getConfig() != null) {
            return PREPARER.fromInline(spec.getConfig());
        }
        String name = spec.getConfigFrom().getConfigMapKeyRef().getName();
        String key = spec.getConfigFrom().getConfigMapKeyRef().getKey();
        JsonNode map = documents.stream().filter(d -> "ConfigMap".equals(d.path("kind").asText())
                && name.equals(d.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the ConfigMap " + name + " is in the same file"));
        assertThat(map.at("/data").has(key)).as("ConfigMap " + name + " has the key " + key).isTrue();
        return PREPARER.fromYamlText(map.at("/data").get(key).asText());
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(file.toFile()).forEachRemaining(d -> {
            if (d != null && !((JsonNode) d).isEmpty()) {
                documents.add((JsonNode) d);
            }
        });
        return documents;
    }
}
