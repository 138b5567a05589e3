package dev.loraoperator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LoraDataset CRD's rules, evaluated by Google's CEL on the generated schema, as kube-apiserver would. */
class LoraDatasetSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode spec;
    private static JsonNode file;

    @BeforeAll
    static void readSchema() throws IOException {
        spec = CrdFiles.DATASET.parsed().at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
        file = spec.at("/properties/files/items");
    }

    @Test
    void eachFilesEntryNamesExactlyOneSourceKind() {
        assertThat(fileViolations("{\"configMapRef\": {\"name\": \"pics\"}}")).isEmpty();
        assertThat(fileViolations("{\"url\": \"https://x/a.jpg\", \"filename\": \"b.jpg\", \"sha256\": \"" + "a".repeat(64)
                + "\"}")).isEmpty();
        assertThat(fileViolations("{\"urlFrom\": {\"secretKeyRef\": {\"name\": \"s\", \"key\": \"k\"}}}")).isEmpty();
        assertThat(fileViolations("{\"archive\": {\"url\": \"https://x/a.zip\", \"format\": \"zip\"}}")).isEmpty();

        assertThat(fileViolations("{}")).containsExactly(
                "set exactly one source kind per entry: configMapRef, url (or urlFrom) or archive");
        assertThat(fileViolations("{\"configMapRef\": {\"name\": \"pics\"}, \"url\": \"https://x/a.jpg\"}"))
                .containsExactly("set exactly one source kind per entry: configMapRef, url (or urlFrom) or archive");
        assertThat(fileViolations("{\"url\": \"https://x/a.jpg\", \"urlFrom\": {\"secretKeyRef\": {}}}"))
                .containsExactly("set url or urlFrom, not both");
        assertThat(fileViolations("{\"configMapRef\": {\"name\": \"pics\"}, \"filename\": \"a.jpg\"}"))
                .containsExactly("filename and sha256 belong to a url or urlFrom entry");
    }

    @Test
    void anArchiveNamesExactlyOneUrl() {
        JsonNode archive = file.at("/properties/archive");
        assertThat(CelRules.violations(archive, json("{\"format\": \"zip\"}"), null))
                .containsExactly("set exactly one of archive.url or archive.urlFrom");
        assertThat(archive.at("/properties/format/enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("zip", "tar", "tar.gz");
    }

    @Test
    void remoteNameCannotBeSetChangedOrRemovedAfterCreation() {
        JsonNode named = json("{\"remoteName\": \"corgis\"}");
        JsonNode unnamed = json("{}");
        assertThat(CelRules.violations(spec, named, named)).isEmpty();
        assertThat(CelRules.violations(spec, unnamed, unnamed)).isEmpty();
        String immutable = "remoteName is immutable: it cannot be set, changed or removed after creation";
        assertThat(CelRules.violations(spec, json("{\"remoteName\": \"dogs\"}"), named)).containsExactly(immutable);
        assertThat(CelRules.violations(spec, unnamed, named)).containsExactly(immutable);
        assertThat(CelRules.violations(spec, named, unnamed)).containsExactly(immutable);
    }

    @Test
    void remoteNameTakesOnlyWhatRunComfyAccepts() {
        Pattern pattern = Pattern.compile(spec.at("/properties/remoteName/pattern").asText());
        assertThat(pattern.matcher("corgi_v2-final").matches()).isTrue();
        assertThat(pattern.matcher("corgi v2").find()).isFalse();
        assertThat(pattern.matcher("corgi.v2").find()).isFalse();
        assertThat(pattern.matcher("").find()).isFalse();
    }

    private static java.util.List<String> fileViolations(String entry) {
        return CelRules.violations(file, json(entry), null);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
