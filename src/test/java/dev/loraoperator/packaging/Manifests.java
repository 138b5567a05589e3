package dev.loraoperator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A multi-document YAML stream (helm template output), split into documents, each kept as text and as a tree. */
record Manifests(List<Manifests.Document> documents) {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$\\n?");

    record Document(String text, JsonNode tree) {
        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        String namespace() {
            return tree.path("metadata").path("namespace").asText(null);
        }

        HasMetadata strict() {
            return StrictParser.parse(tree);
        }

        <T> T strict(Class<T> type) {
            return StrictParser.parse(tree, type);
        }

        @Override
        public String toString() {
            return kind() + " " + (namespace() == null ? "" : namespace() + "/") + name();
        }
    }

    static Manifests parse(String stream) {
        List<Document> documents = new ArrayList<>();
        for (String text : SEPARATOR.split(stream)) {
            JsonNode tree = tree(text);
            if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
                documents.add(new Document(text, tree));
            }
        }
        return new Manifests(documents);
    }

    static JsonNode tree(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML:\n" + text, e);
        }
    }

    List<Document> ofKind(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    Document only(String kind) {
        List<Document> found = ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + kind + ", found " + found);
        }
        return found.get(0);
    }
}
