package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a CustomResourceDefinition file into what the sandbox serves for it, so nothing about the kind is copied by hand. */
final class CrdFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CrdFile() {
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRD " + file, e);
        }
    }

    /** Every CRD file (*.yml, *.yaml) of a directory such as crds/, in name order. */
    static List<JsonNode> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().map(CrdFile::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the CRDs in " + directory, e);
        }
    }

    /** The served storage version of the CRD; the sandbox serves one version per kind, as the project's CRD has. */
    static ServedKind servedKind(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        JsonNode version = storageVersion(spec.path("versions"));
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
        List<PrinterColumn> columns = new ArrayList<>();
        version.path("additionalPrinterColumns").forEach(c -> columns.add(new PrinterColumn(c.path("name").asText(),
                c.path("type").asText("string"), c.path("format").asText(""), c.path("description").asText(""),
                c.path("priority").asInt(0), c.path("jsonPath").asText())));
        return new ServedKind(spec.path("group").asText(), version.path("name").asText(), names.path("kind").asText(),
                names.path("plural").asText(), names.path("singular").asText(names.path("kind").asText().toLowerCase()),
                "Namespaced".equals(spec.path("scope").asText()), shortNames,
                version.path("subresources").has("status"), columns.isEmpty() ? List.of(PrinterColumn.AGE) : columns, version.path("schema").path("openAPIV3Schema"));
    }

    private static JsonNode storageVersion(JsonNode versions) {
        for (JsonNode v : versions) {
            if (v.path("storage").asBoolean(false)) {
                return v;
            }
        }
        throw new IllegalArgumentException("the CRD has no storage version");
    }
}
