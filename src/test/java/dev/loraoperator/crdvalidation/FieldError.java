package dev.loraoperator.crdvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One validation error, worded as kube-apiserver words it (k8s.io/apimachinery field.Error): the field path, the
 * kind of error, the offending value when one is shown, and a detail.
 */
public record FieldError(Type type, String field, JsonNode value, String detail) {

    /** The kinds of error kube-apiserver reports for custom resources, with its reason and its wording. */
    public enum Type {
        REQUIRED("FieldValueRequired", "Required value", false),
        INVALID("FieldValueInvalid", "Invalid value", true),
        TYPE_INVALID("FieldValueTypeInvalid", "Invalid value", true),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value", true),
        FORBIDDEN("FieldValueForbidden", "Forbidden", false),
        TOO_LONG("FieldValueTooLong", "Too long", false),
        TOO_MANY("FieldValueTooMany", "Too many", true),
        DUPLICATE("FieldValueDuplicate", "Duplicate value", true);

        private final String reason;
        private final String label;
        private final boolean showsValue;

        Type(String reason, String label, boolean showsValue) {
            this.reason = reason;
            this.label = label;
            this.showsValue = showsValue;
        }

        public String reason() {
            return reason;
        }
    }

    /** An error whose value is not shown (field.OmitValueType in Go), as for a CEL rule failing on an object. */
    public static FieldError withoutValue(Type type, String field, String detail) {
        return new FieldError(type, field, null, detail);
    }

    public static FieldError of(Type type, String field, JsonNode value, String detail) {
        return new FieldError(type, field, value, detail);
    }

    public static FieldError of(Type type, String field, String value, String detail) {
        return new FieldError(type, field, TextNode.valueOf(value), detail);
    }

    /** The message without the field: {@code Unsupported value: "FOO": supported values: "A", "B"}. */
    public String body() {
        StringBuilder s = new StringBuilder(type.label);
        if (type.showsValue && value != null) {
            s.append(": ").append(value.isTextual() ? GoQuote.quote(value.asText()) : value.toString());
        }
        if (detail != null && !detail.isEmpty()) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }

    /** {@code spec.gpuType: Unsupported value: "FOO": ...}, as it appears in the Status message. */
    public String message() {
        return field + ": " + body();
    }
}
