package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The strict parser really rejects what the API server's strict field validation would reject. */
class StrictParserTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              replicas: %s
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: x
                      image: x
                      %s
            """;

    @Test
    void aValidManifestParsesIntoItsModel() {
        var parsed = StrictParser.parse(Manifests.tree(DEPLOYMENT.formatted("1", "ports: [{containerPort: 8080}]")));
        assertThat(parsed).isInstanceOf(Deployment.class);
        assertThat(((Deployment) parsed).getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void anUnknownFieldFails() {
        assertThatThrownBy(() -> StrictParser.parse(Manifests.tree(DEPLOYMENT.formatted("1", "portz: []"))))
                .hasMessageContaining("portz");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        assertThatThrownBy(() -> StrictParser.parse(Manifests.tree(DEPLOYMENT.formatted("many", "ports: []"))))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aKindWithoutAModelOrWithAnotherApiVersionFails() {
        assertThatThrownBy(() -> StrictParser.parse(Manifests.tree("{apiVersion: v1, kind: Pod, metadata: {name: x}}")))
                .hasMessageContaining("no model for kind Pod");
        assertThatThrownBy(() -> StrictParser.parse(Manifests.tree(
                DEPLOYMENT.formatted("1", "ports: []").replace("apps/v1", "apps/v1beta1"))))
                .hasMessageContaining("apiVersion");
    }
}
