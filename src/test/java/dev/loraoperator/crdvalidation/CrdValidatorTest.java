package dev.loraoperator.crdvalidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What kube-apiserver does to a custom resource, checked on a CRD made for it: messages word for word as
 * kube-apiserver writes them, pruning, defaults, transition rules and ratcheting.
 */
class CrdValidatorTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final CrdValidator WIDGETS;

    static {
        try {
            WIDGETS = CrdValidator.of(YAML.readTree(CrdValidatorTest.class.getResource("/crdvalidation/widgets-crd.yaml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode widget(String spec) {
        try {
            return YAML.readTree("{apiVersion: example.dev/v1, kind: Widget, metadata: {name: w}, spec: " + spec + "}");
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {size: 3, color: green}          | spec.color: Unsupported value: "green": supported values: "red", "blue"
            {color: red}                     | spec.size: Required value
            {size: "3"}                      | spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"
            {size: 0}                        | spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1
            {size: 11}                       | spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10
            {size: 3, owner: abcdefg}        | spec.owner: Too long: may not be more than 5 bytes
            {size: 3, code: A1}              | spec.code: Invalid value: "A1": spec.code in body should match '^[a-z]+$'
            {size: 3, code: a}               | spec.code: Invalid value: "a": spec.code in body should be at least 2 chars long
            {size: 3, ports: [{name: a}, {name: b}, {name: c}]} | spec.ports: Too many: 3: must have at most 2 items
            {size: 3, ports: [{name: a}, {name: a}]} | spec.ports[1]: Duplicate value: {"name":"a"}
            {size: 3, labels: {a: 1}}        | spec.labels.a: Invalid value: "integer": spec.labels.a in body must be of type string: "integer"
            {size: 3, code: bad}             | spec.code: Invalid value: code bad is not allowed
            {size: 9}                        | spec: Required value: an owner is needed from size 9
            """)
    void refusesAsKubeApiserverSaysIt(String spec, String message) {
        Admission admission = WIDGETS.create(widget(spec));
        assertThat(admission.allowed()).isFalse();
        assertThat(admission.errors().get(0).message()).isEqualTo(message);
        assertThat(admission.message()).startsWith("Widget.example.dev \"w\" is invalid: ").contains(message);
        assertThat(admission.status().path("code").asInt()).isEqualTo(422);
        assertThat(admission.status().at("/details/causes/0/field").asText()).isEqualTo(message.substring(0, message.indexOf(':')));
    }

    @Test
    void severalErrorsAreListedInBracketsAndCelWaitsForAWellFormedObject() {
        Admission admission = WIDGETS.create(widget("{size: 0, color: green, code: bad}"));
        assertThat(admission.message()).isEqualTo("Widget.example.dev \"w\" is invalid: ["
                + "spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1, "
                + "spec.color: Unsupported value: \"green\": supported values: \"red\", \"blue\", "
                + "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid;"
                + " correct the existing errors to complete validation]");
        assertThat(admission.status().at("/details/causes/1/reason").asText()).isEqualTo("FieldValueNotSupported");
    }

    @Test
    void unknownFieldsArePrunedExceptWherePreservedAndDefaultsAreFilledIn() {
        Admission admission = WIDGETS.create(widget("{size: 3, extra: 1, free: {anything: [1]}, ports: [{name: a, x: 1}]}"));
        assertThat(admission.allowed()).isTrue();
        assertThat(admission.unknownFields()).containsExactly("spec.extra", "spec.ports[0].x");
        assertThat(admission.warnings()).containsExactly("unknown field \"spec.extra\"", "unknown field \"spec.ports[0].x\"");
        assertThat(admission.object().at("/spec").toString())
                .isEqualTo("{\"size\":3,\"free\":{\"anything\":[1]},\"ports\":[{\"name\":\"a\",\"port\":80}],\"color\":\"red\"}");
    }

    @Test
    void aTransitionRuleHoldsOnlyOnUpdate() {
        JsonNode old = WIDGETS.create(widget("{size: 3, owner: ann}")).object();
        assertThat(WIDGETS.update(widget("{size: 4, owner: ann}"), old).errors()).isEmpty();
        assertThat(WIDGETS.update(widget("{size: 3, owner: bob}"), old).message())
                .isEqualTo("Widget.example.dev \"w\" is invalid: spec.owner: Invalid value: \"bob\": owner is immutable");
        assertThat(WIDGETS.create(widget("{size: 3, owner: bob}")).errors()).isEmpty();
    }

    @Test
    void anUnchangedInvalidValueIsRatchetedOnUpdateAsSinceKubernetes130() {
        JsonNode stored = widget("{size: 3, color: green}");
        assertThat(WIDGETS.update(widget("{size: 4, color: green}"), stored).errors()).isEmpty();
        assertThat(WIDGETS.update(widget("{size: 4, color: pink}"), stored).errors()).isNotEmpty();
    }

    @Test
    void theNameMustBeADnsSubdomain() {
        JsonNode bad = widget("{size: 3}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("metadata")).put("name", "Big_Name");
        assertThat(WIDGETS.create(bad).message()).startsWith("Widget.example.dev \"Big_Name\" is invalid: metadata.name:"
                + " Invalid value: \"Big_Name\": a lowercase RFC 1123 subdomain must consist of");
    }
}
