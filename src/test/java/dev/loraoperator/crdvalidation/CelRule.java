package dev.loraoperator.crdvalidation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code x-kubernetes-validations} entry compiled with the CEL implementation ({@code dev.cel}): its rule, its
 * message or messageExpression, reason and fieldPath. {@code self} and {@code oldSelf} are declared dynamic, where
 * kube-apiserver types them from the schema (see docs/sandbox.md).
 */
final class CelRule {

    private static final CelOptions OPTIONS = CelOptions.current().build();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN).addVar("oldSelf", SimpleType.DYN)
            .addLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.lists(),
                    CelExtensions.math(OPTIONS), CelExtensions.encoders(OPTIONS), CelExtensions.optional())
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .addLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.lists(),
                    CelExtensions.math(OPTIONS), CelExtensions.encoders(OPTIONS), CelExtensions.optional())
            .build();

    /** What evaluating a rule gave: passed, failed with a message, or could not be evaluated. */
    record Outcome(boolean passed, String detail) {
    }

    private final String rule;
    private final String message;
    private final String reason;
    private final String fieldPath;
    private final CelRuntime.Program program;
    private final CelRuntime.Program messageProgram;
    private final boolean transition;
    private final String compileError;

    private CelRule(JsonNode entry) {
        this.rule = entry.path("rule").asText().trim();
        this.message = entry.path("message").asText("").trim();
        this.reason = entry.path("reason").asText("");
        this.fieldPath = entry.path("fieldPath").asText("").replaceFirst("^\\.", "");
        CelAbstractSyntaxTree ast = null;
        CelRuntime.Program messageProgramOrNull = null;
        String error = null;
        try {
            ast = compile(rule);
            if (entry.has("messageExpression")) {
                messageProgramOrNull = RUNTIME.createProgram(compile(entry.get("messageExpression").asText()));
            }
        } catch (CelValidationException | CelEvaluationException e) {
            error = e.getMessage();
        }
        this.compileError = error;
        this.transition = ast != null && ast.getReferenceMap().values().stream().anyMatch(r -> r.name().equals("oldSelf"));
        this.program = ast == null ? null : program(ast);
        this.messageProgram = messageProgramOrNull;
    }

    static CelRule of(JsonNode entry) {
        return new CelRule(entry);
    }

    private static CelAbstractSyntaxTree compile(String expression) throws CelValidationException {
        CelValidationResult result = COMPILER.compile(expression);
        return result.getAst();
    }

    private static CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return RUNTIME.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A transition rule names oldSelf; kube-apiserver evaluates it only on updates, where an old value exists. */
    boolean isTransition() {
        return transition;
    }

    String rule() {
        return rule;
    }

    String reason() {
        return reason;
    }

    String fieldPath() {
        return fieldPath;
    }

    Optional<String> compileError() {
        return Optional.ofNullable(compileError);
    }

    Outcome evaluate(Object self, Object oldSelf) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("self", self);
        if (oldSelf != null) {
            vars.put("oldSelf", oldSelf);
        }
        Object result;
        try {
            result = program.eval(vars);
        } catch (CelEvaluationException e) {
            String text = e.getMessage();
            if (text != null && text.contains("No matching overload")) {
                return new Outcome(false, "'" + text + "': call arguments did not match a supported operator,"
                        + " function or macro signature for rule: " + messageOrRule());
            }
            return new Outcome(false, text + " evaluating rule: " + messageOrRule());
        }
        if (Boolean.TRUE.equals(result)) {
            return new Outcome(true, null);
        }
        return new Outcome(false, failureMessage(vars));
    }

    private String failureMessage(Map<String, Object> vars) {
        if (messageProgram != null) {
            try {
                Object text = messageProgram.eval(vars);
                if (text instanceof String s && !s.isBlank() && !s.contains("\n")) {
                    return s;
                }
            } catch (CelEvaluationException e) {
                // kube-apiserver logs it and falls back to the message
            }
        }
        return message.isEmpty() ? "failed rule: " + rule : message;
    }

    private String messageOrRule() {
        return message.isEmpty() ? rule : message;
    }
}
