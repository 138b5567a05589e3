package dev.loraoperator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
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
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
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
            describeKindSpecAndStatus((ObjectNode) version.get("schema"), type);
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

    /**
     * The generator takes descriptions from properties only, so the kind, spec and status would have none and
     * {@code kubectl explain} would print {@code <empty>}: take them from the classes' {@link JsonClassDescription}.
     */
    private static void describeKindSpecAndStatus(ObjectNode schema, Class<?> kind) {
        ObjectNode root = described((ObjectNode) schema.get("openAPIV3Schema"), kind);
        schema.set("openAPIV3Schema", root);
        Type[] specAndStatus = ((ParameterizedType) kind.getGenericSuperclass()).getActualTypeArguments();
        ObjectNode properties = (ObjectNode) root.get("properties");
        properties.set("spec", described((ObjectNode) properties.get("spec"), (Class<?>) specAndStatus[0]));
        properties.set("status", described((ObjectNode) properties.get("status"), (Class<?>) specAndStatus[1]));
    }

    /** The schema with the class's description first, where the generator puts descriptions. */
    private static ObjectNode described(ObjectNode schema, Class<?> type) {
        JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
        if (description == null || schema.has("description")) {
            return schema;
        }
        ObjectNode withDescription = YAML.createObjectNode().put("description", description.value());
        withDescription.setAll(schema);
        return withDescription;
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
