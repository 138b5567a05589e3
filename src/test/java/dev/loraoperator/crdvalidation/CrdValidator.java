package dev.loraoperator.crdvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Validates custom resources the way kube-apiserver does for one CustomResourceDefinition, from the CRD alone:
 * prune unknown fields, apply defaults, check the structural schema, then evaluate the CEL rules. Knows nothing of
 * the sandbox; give it any CRD file.
 */
public final class CrdValidator {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String group;
    private final String kind;
    private final String plural;
    private final JsonNode schema;
    private final CelValidator cel;

    private CrdValidator(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        this.group = spec.path("group").asText();
        this.kind = spec.path("names").path("kind").asText();
        this.plural = spec.path("names").path("plural").asText();
        this.schema = storageVersion(spec).path("schema").path("openAPIV3Schema");
        this.cel = new CelValidator(schema);
    }

    public static CrdValidator of(JsonNode crd) {
        return new CrdValidator(crd);
    }

    /** One validator for each CRD file (*.yml, *.yaml) in a directory, such as the repository's crds/. */
    public static List<CrdValidator> allIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<CrdValidator> validators = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                validators.add(of(YAML.readTree(file.toFile())));
            }
            return validators;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs in " + directory, e);
        }
    }

    public String group() {
        return group;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    /** Every CEL rule of the schema, at every level. */
    public List<String> celRules() {
        return cel.allRules();
    }

    public Admission create(JsonNode object) {
        return admit(object, null, (rule, held) -> { });
    }

    /** An update (PUT, a patch's result, a status write): transition rules see the old object as oldSelf. */
    public Admission update(JsonNode object, JsonNode old) {
        return admit(object, old, (rule, held) -> { });
    }

    /** As {@link #update} (or create, without old), telling the observer each CEL rule evaluated and its result. */
    public Admission admit(JsonNode input, JsonNode old, BiConsumer<String, Boolean> observer) {
        ObjectNode object = input.deepCopy();
        List<String> unknown = Pruner.pruneRoot(object, schema);
        Defaulter.apply(object, schema);
        List<FieldError> errors = new ArrayList<>(MetadataValidator.validate(object.path("metadata")));
        ObjectNode checked = object.deepCopy();
        // metadata is the API server's own business; the CRD schema may not constrain it beyond the name
        checked.remove("metadata");
        JsonNode oldChecked = old == null ? null : withoutMetadata(old);
        errors.addAll(SchemaValidator.validate(checked, oldChecked, schema, ""));
        if (errors.stream().anyMatch(CrdValidator::blocksCel)) {
            errors.add(FieldError.of(FieldError.Type.INVALID, "<nil>", NullNode.getInstance(),
                    "some validation rules were not checked because the object was invalid; correct the existing"
                            + " errors to complete validation"));
        } else {
            errors.addAll(cel.validate(object, old, schema, observer));
        }
        return new Admission(group, kind, object, unknown, errors);
    }

    private static JsonNode withoutMetadata(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("metadata");
        return copy;
    }

    /** kube-apiserver skips CEL rules when the object is not even well formed (hasBlockingErr). */
    private static boolean blocksCel(FieldError e) {
        return switch (e.type()) {
            case NOT_SUPPORTED, REQUIRED, TOO_LONG, TOO_MANY, TYPE_INVALID -> true;
            default -> false;
        };
    }

    private static JsonNode storageVersion(JsonNode spec) {
        for (JsonNode v : spec.path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                return v;
            }
        }
        throw new IllegalArgumentException("the CRD " + spec.path("names").path("kind").asText()
                + " has no storage version");
    }
}
