package dev.loraoperator.crdvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** The part of ObjectMeta validation that kube-apiserver applies to every custom resource: its name. */
final class MetadataValidator {

    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
    private static final Pattern SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN);
    private static final String SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case"
            + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g."
            + " 'example.com', regex used for validation is '" + DNS1123_SUBDOMAIN + "')";

    private MetadataValidator() {
    }

    static List<FieldError> validate(JsonNode metadata) {
        String name = metadata.path("name").asText("");
        if (name.isEmpty()) {
            return metadata.path("generateName").asText("").isEmpty()
                    ? List.of(FieldError.withoutValue(FieldError.Type.REQUIRED, "metadata.name",
                            "name or generateName is required"))
                    : List.of();
        }
        if (name.length() > 253) {
            return List.of(FieldError.of(FieldError.Type.INVALID, "metadata.name", name,
                    "must be no more than 253 characters"));
        }
        return SUBDOMAIN.matcher(name).matches() ? List.of()
                : List.of(FieldError.of(FieldError.Type.INVALID, "metadata.name", name, SUBDOMAIN_MESSAGE));
    }
}
