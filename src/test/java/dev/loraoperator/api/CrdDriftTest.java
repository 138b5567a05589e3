package dev.loraoperator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java types are the single source of truth for the CRD: the committed copies under crds/ and the Helm
 * chart must be exactly what the generator makes of them. Run with -Dupdate-crds to rewrite the copies.
 */
class CrdDriftTest {

    @Test
    void committedCrdsMatchTheJavaTypes() throws IOException {
        for (CrdFiles.Crd crd : CrdFiles.ALL) {
            assertCopiesMatch(crd);
        }
    }

    private static void assertCopiesMatch(CrdFiles.Crd crd) throws IOException {
        String generated = crd.generate();
        for (Path copy : crd.copies()) {
            if (System.getProperty("update-crds") != null) {
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, generated);
            }
            String stale = copy + " is stale: run mvn test -Dtest=CrdDriftTest -Dupdate-crds";
            assertThat(copy).as(stale).exists();
            assertThat(Files.readString(copy)).as(stale).isEqualTo(generated);
        }
    }

    @Test
    void everyFieldHasADescriptionForKubectlExplain() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (CrdFiles.Crd crd : CrdFiles.ALL) {
            JsonNode kind = crd.parsed().at("/spec/versions/0/schema/openAPIV3Schema");
            JsonNode schema = kind.get("properties");
            // kubectl explain KIND, KIND.spec and KIND.status print these
            if (!kind.hasNonNull("description")) {
                undocumented.add(crd.file() + ": the kind");
            }
            for (String root : List.of("spec", "status")) {
                if (!schema.path(root).hasNonNull("description")) {
                    undocumented.add(crd.file() + ": " + root);
                }
                collectUndocumented(crd.file() + ": " + root, schema.get(root), undocumented);
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void printerColumnsComeInTheDesignedOrder() throws IOException {
        JsonNode columns = CrdFiles.parsed().at("/spec/versions/0/additionalPrinterColumns");
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.get("name").asText()));
        assertThat(names).containsExactly("Status", "GPU", "Progress", "Job ID", "Reason", "Resumes", "Age");
        List<String> wideOnly = new ArrayList<>();
        columns.forEach(c -> {
            if (c.path("priority").asInt() > 0) {
                wideOnly.add(c.get("name").asText());
            }
        });
        assertThat(wideOnly).as("columns only kubectl get -o wide shows").containsExactly("Reason", "Resumes");
        JsonNode version = CrdFiles.parsed().at("/spec/versions/0");
        assertThat(version.at("/subresources/status").isObject()).isTrue();
    }

    @Test
    void datasetPrinterColumnsComeInTheDesignedOrder() throws IOException {
        JsonNode version = CrdFiles.DATASET.parsed().at("/spec/versions/0");
        List<String> names = new ArrayList<>();
        version.get("additionalPrinterColumns").forEach(c -> names.add(c.get("name").asText()));
        assertThat(names).containsExactly("Status", "Files", "Size", "Remote Name", "Age");
        assertThat(version.at("/subresources/status").isObject()).isTrue();
        assertThat(CrdFiles.DATASET.parsed().at("/spec/names/shortNames/0").asText()).isEqualTo("lds");
    }

    private static void collectUndocumented(String path, JsonNode node, List<String> out) {
        JsonNode properties = node.get("properties");
        if (properties != null) {
            for (Map.Entry<String, JsonNode> field : properties.properties()) {
                String child = path + "." + field.getKey();
                if (!field.getValue().hasNonNull("description")) {
                    out.add(child);
                }
                collectUndocumented(child, field.getValue(), out);
            }
        }
        if (node.has("items")) {
            collectUndocumented(path + "[]", node.get("items"), out);
        }
    }
}
