package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A fieldSelector such as {@code involvedObject.name=flux-lora,involvedObject.uid=...}, evaluated on JSON objects.
 * The mock server's CRUD store matches only metadata.name and metadata.namespace and silently returns nothing for
 * any other field, which would leave the Events section of {@code kubectl describe} empty.
 */
record FieldSelector(List<Term> terms) {

    record Term(String field, String value, boolean negated) {
    }

    static FieldSelector parse(String selector) {
        List<Term> terms = new ArrayList<>();
        for (String term : selector.split(",")) {
            if (term.isBlank()) {
                continue;
            }
            int ne = term.indexOf("!=");
            if (ne > 0) {
                terms.add(new Term(term.substring(0, ne).trim(), term.substring(ne + 2).trim(), true));
                continue;
            }
            int eq = term.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("invalid field selector term: " + term);
            }
            String value = term.substring(term.startsWith("=", eq + 1) ? eq + 2 : eq + 1);
            terms.add(new Term(term.substring(0, eq).trim(), value.trim(), false));
        }
        return new FieldSelector(List.copyOf(terms));
    }

    /** A missing field reads as "", as on the real server, so {@code spec.nodeName=} matches objects without it. */
    boolean matches(JsonNode object) {
        for (Term t : terms) {
            JsonNode value = JsonPaths.find(object, t.field());
            String text = value.isValueNode() && !value.isNull() ? value.asText() : "";
            if (text.equals(t.value()) == t.negated()) {
                return false;
            }
        }
        return true;
    }
}
