package dev.loraoperator.crdvalidation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What kube-apiserver makes of a custom resource written to it: the object as it would be stored (pruned and
 * defaulted), the unknown fields it dropped, and the validation errors that refuse it.
 */
public record Admission(String group, String kind, ObjectNode object, List<String> unknownFields,
        List<FieldError> errors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Admission {
        unknownFields = List.copyOf(unknownFields);
        errors = List.copyOf(errors);
    }

    public boolean allowed() {
        return errors.isEmpty();
    }

    private String name() {
        return object.path("metadata").path("name").asText("");
    }

    /** {@code LoraTrainingJob.training.lora-operator.dev "x" is invalid: spec.gpuType: Unsupported value: ...}. */
    public String message() {
        String groupKind = group.isEmpty() ? kind : kind + "." + group;
        // an aggregate of one error prints it alone; of several, each distinct message once, in brackets
        Set<String> messages = new LinkedHashSet<>();
        errors.forEach(e -> messages.add(e.message()));
        String all = messages.size() == 1 ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
        return groupKind + " " + GoQuote.quote(name()) + " is invalid" + (errors.isEmpty() ? "" : ": " + all);
    }

    /** The meta/v1 Status kube-apiserver answers with: 422, reason Invalid, one cause per error. */
    public ObjectNode status() {
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message()).put("reason", "Invalid");
        ObjectNode details = status.putObject("details").put("name", name()).put("group", group).put("kind", kind);
        errors.forEach(e -> details.withArray("causes").addObject().put("reason", e.type().reason())
                .put("message", e.body()).put("field", e.field()));
        return status.put("code", 422);
    }

    /** Warnings for the dropped fields, worded as kube-apiserver's (fieldValidation=Warn, its default). */
    public List<String> warnings() {
        return unknownFields.stream().map(f -> "unknown field " + GoQuote.quote(f)).toList();
    }

    /** The error of fieldValidation=Strict, which kubectl asks for by default. */
    public String strictDecodingError() {
        return kind + " in version " + GoQuote.quote(object.path("apiVersion").asText().replaceFirst("^.*/", ""))
                + " cannot be handled as a " + kind + ": strict decoding error: "
                + String.join(", ", warnings());
    }
}
