package dev.loraoperator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Evaluates a schema node's x-kubernetes-validations with Google's CEL, as kube-apiserver does. */
final class CelRules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Cel CEL = CelFactory.standardCelBuilder().setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS).addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN).build();

    private CelRules() {
    }

    /** The messages of the rules that reject {@code self}; a transition rule is checked only when oldSelf is given. */
    static List<String> violations(JsonNode schema, JsonNode self, JsonNode oldSelf) {
        List<String> failed = new ArrayList<>();
        for (JsonNode validation : schema.path("x-kubernetes-validations")) {
            String rule = validation.get("rule").asText();
            boolean transition = rule.contains("oldSelf");
            if (transition && oldSelf == null) {
                continue;
            }
            Map<String, Object> vars = new HashMap<>();
            vars.put("self", plain(self));
            if (transition) {
                vars.put("oldSelf", plain(oldSelf));
            }
            if (!Boolean.TRUE.equals(evaluate(rule, vars))) {
                failed.add(validation.get("message").asText());
            }
        }
        return failed;
    }

    private static Object evaluate(String rule, Map<String, Object> vars) {
        try {
            return CEL.createProgram(CEL.compile(rule).getAst()).eval(vars);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new AssertionError("rule does not evaluate: " + rule, e);
        }
    }

    /** JSON as the plain maps, lists, strings, longs and booleans CEL's runtime takes. */
    private static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class) instanceof Integer i ? Long.valueOf(i)
                : deepLongs(JSON.convertValue(node, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Object deepLongs(Object value) {
        if (value instanceof Integer i) {
            return Long.valueOf(i);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new HashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, deepLongs(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CelRules::deepLongs).toList();
        }
        return value;
    }
}
