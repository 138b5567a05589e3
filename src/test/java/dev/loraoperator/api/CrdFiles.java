package dev.loraoperator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generates the LoraTrainingJob CRD from the Java types, and names the committed copies of it. */
public final class CrdFiles {
    public static final String FILE = "loratrainingjobs.training.lora-operator.dev-v1.yml";
    public static final List<Path> COPIES = List.of(Path.of("crds", FILE),
            Path.of("helm", "lora-training-operator", "crds", FILE));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private CrdFiles() {
    }

    /** The CRD text: Fabric8's output, with printer columns in the order the annotations list them. */
    public static String generate() throws IOException {
        Path dir = Files.createTempDirectory("crd");
        new CRDGenerator().customResourceClasses(LoraTrainingJob.class).forCRDVersions("v1").inOutputDir(dir.toFile())
                .generate();
        ObjectNode crd = (ObjectNode) YAML.readTree(dir.resolve(FILE).toFile());
        ObjectNode version = (ObjectNode) crd.path("spec").path("versions").get(0);
        version.set("additionalPrinterColumns", inAnnotationOrder((ArrayNode) version.get("additionalPrinterColumns")));
        describeKindSpecAndStatus((ObjectNode) version.get("schema"), LoraTrainingJob.class);
        return "# Generated from dev.loraoperator.api.v1alpha1 by CrdDriftTest; do not edit by hand.\n"
                + YAML.writeValueAsString(crd);
    }

    public static JsonNode parsed() throws IOException {
        return YAML.readTree(generate());
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
    private static ArrayNode inAnnotationOrder(ArrayNode columns) {
        List<JsonNode> ordered = new ArrayList<>();
        for (AdditionalPrinterColumn declared : LoraTrainingJob.class.getAnnotationsByType(AdditionalPrinterColumn.class)) {
            columns.forEach(column -> {
                if (column.path("name").asText().equals(declared.name())) {
                    ordered.add(column);
                }
            });
        }
        return YAML.createArrayNode().addAll(ordered);
    }
}
