package dev.loraoperator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generates the CRDs from the Java types, and names the committed copies of them. */
public final class CrdFiles {
    /** One generated CRD: its Java type and the file name the generator gives it. */
    public record Crd(Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> type, String file) {
        /** The committed copies: crds/ and the chart's crds/. */
        public List<Path> copies() {
            return List.of(Path.of("crds", file), Path.of("helm", "lora-training-operator", "crds", file));
        }

        /** The CRD text: Fabric8's output, with printer columns in the order the annotations list them. */
        public String generate() throws IOException {
            Path dir = Files.createTempDirectory("crd");
            new CRDGenerator().customResourceClasses(type).forCRDVersions("v1").inOutputDir(dir.toFile()).generate();
            ObjectNode crd = (ObjectNode) YAML.readTree(dir.resolve(file).toFile());
            ObjectNode version = (ObjectNode) crd.path("spec").path("versions").get(0);
            version.set("additionalPrinterColumns",
                    inAnnotationOrder(type, (ArrayNode) version.get("additionalPrinterColumns")));
            return "# Generated from dev.loraoperator.api.v1alpha1 by CrdDriftTest; do not edit by hand.\n"
                    + YAML.writeValueAsString(crd);
        }

        public JsonNode parsed() throws IOException {
            return YAML.readTree(generate());
        }
    }

    public static final Crd JOB = new Crd(LoraTrainingJob.class, "loratrainingjobs.training.lora-operator.dev-v1.yml");
    public static final Crd DATASET = new Crd(LoraDataset.class, "loradatasets.training.lora-operator.dev-v1.yml");
    public static final List<Crd> ALL = List.of(JOB, DATASET);
    /** The LoraTrainingJob CRD's file name. */
    public static final String FILE = JOB.file();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private CrdFiles() {
    }

    /** The LoraTrainingJob CRD text. */
    public static String generate() throws IOException {
        return JOB.generate();
    }

    /** The LoraTrainingJob CRD, parsed. */
    public static JsonNode parsed() throws IOException {
        return JOB.parsed();
    }

    /** kubectl shows columns in CRD order; the generator sorts them by JSON path, so restore the declared order. */
    private static ArrayNode inAnnotationOrder(Class<?> type, ArrayNode columns) {
        List<JsonNode> ordered = new ArrayList<>();
        for (AdditionalPrinterColumn declared : type.getAnnotationsByType(AdditionalPrinterColumn.class)) {
            columns.forEach(column -> {
                if (column.path("name").asText().equals(declared.name())) {
                    ordered.add(column);
                }
            });
        }
        return YAML.createArrayNode().addAll(ordered);
    }
}
