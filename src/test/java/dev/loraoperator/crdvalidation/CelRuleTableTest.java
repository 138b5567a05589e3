package dev.loraoperator.crdvalidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CEL rule of every CRD in crds/, evaluated by the real CEL implementation: shown rejecting a resource, with
 * kube-apiserver's message, and accepting one. The cases live in crdvalidation/rule-cases.yaml.
 */
class CelRuleTableTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<CrdValidator> CRDS = CrdValidator.allIn(Path.of("crds"));

    static List<JsonNode> cases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        YAML.readTree(CelRuleTableTest.class.getResource("/crdvalidation/rule-cases.yaml")).forEach(cases::add);
        return cases;
    }

    static Stream<Arguments> rows() throws IOException {
        return cases().stream().flatMap(c -> Stream.of(
                Arguments.of(c.path("kind").asText(), c.path("rule").asText(), "rejects", c.get("rejects")),
                Arguments.of(c.path("kind").asText(), c.path("rule").asText(), "accepts", c.get("accepts"))));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("rows")
    void theRuleDecides(String kind, String rule, String verdict, JsonNode row) {
        CrdValidator validator = CRDS.stream().filter(v -> v.kind().equals(kind)).findFirst().orElseThrow();
        List<Boolean> evaluations = new ArrayList<>();
        Admission admission = validator.admit(row.get("object"), row.get("old"), (evaluated, held) -> {
            if (evaluated.equals(rule)) {
                evaluations.add(held);
            }
        });
        boolean rejects = verdict.equals("rejects");
        assertThat(evaluations).as("the rule was evaluated and " + (rejects ? "failed" : "held"))
                .contains(!rejects).doesNotContain(rejects);
        if (rejects) {
            assertThat(admission.allowed()).isFalse();
            assertThat(admission.message()).isEqualTo(row.path("message").asText());
        } else {
            assertThat(admission.errors()).isEmpty();
        }
    }

    @Test
    void everyRuleOfEveryCrdHasARejectingAndAnAcceptingCase() throws IOException {
        List<String> covered = cases().stream().filter(c -> c.has("rejects") && c.has("accepts"))
                .map(c -> c.path("kind").asText() + ": " + c.path("rule").asText()).toList();
        assertThat(CRDS.stream().mapToInt(crd -> crd.celRules().size()).sum()).as("CEL rules in crds/").isPositive();
        for (CrdValidator crd : CRDS) {
            crd.celRules().forEach(rule -> assertThat(covered).as("a case in rule-cases.yaml for " + crd.kind()
                    + " rule " + rule).contains(crd.kind() + ": " + rule));
        }
    }
}
