package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.ConfigMapKeyReference;
import dev.loraoperator.api.v1alpha1.ConfigSource;
import dev.loraoperator.api.v1alpha1.JobCondition;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.Phase;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every config rule of design.md turns a bad config into phase Invalid with an Event, and no remote call. */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class InvalidConfigTest extends OperatorTestSupport {

    private static final String BASE = """
            job: extension
            config:
              name: NAME
              process:
                - type: sd_trainer
                  training_folder: /app/ai-toolkit/output
                  datasets: [{folder_path: /app/ai-toolkit/datasets/dogs}]
                  model: {name_or_path: black-forest-labs/FLUX.1-dev}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no-job|job: extension|kind: extension|job",
            "no-name|  name: NAME|  title: NAME|config.name",
            "empty-process|  process:|  process: []\\n  unused:|config.process",
            "no-type|- type: sd_trainer|- kind: sd_trainer|type",
            "no-model|model: {name_or_path: black-forest-labs/FLUX.1-dev}|model: {arch: flux}|name_or_path",
            "bad-folder|training_folder: /app/ai-toolkit/output|training_folder: /tmp/out|training_folder",
            "bad-dataset|folder_path: /app/ai-toolkit/datasets/dogs|folder_path: /data/dogs|folder_path",
            "dataset-escape|folder_path: /app/ai-toolkit/datasets/dogs|folder_path: /app/ai-toolkit/datasets/../etc|folder_path"})
    void eachRuleMakesTheResourceInvalidWithoutCallingTheApi(String name, String from, String to, String mentions) {
        String yaml = BASE.replace(from, to.replace("\\n", "\n")).replace("NAME", configName(name));
        LoraTrainingJob job = TestJobs.job(namespace, name);
        job.getSpec().setConfig(TestJobs.yaml(yaml));
        create(job);
        LoraTrainingJob invalid = awaitPhase(name, Phase.Invalid);
        assertThat(invalid.getStatus().getError().getCode()).isEqualTo("InvalidConfig");
        assertThat(invalid.getStatus().getError().getMessage()).contains(mentions);
        assertThat(condition(invalid, "Accepted", JobCondition::getReason)).isEqualTo("InvalidConfig");
        afterTwoMorePasses(name);
        assertThat(eventReasons(name)).containsOnlyOnce("InvalidConfig");
        assertThat(remoteJobsNamed(configName(name))).isEmpty();
        assertThat(sim().requests()).noneMatch(r -> r.body() != null && r.body().contains(configName(name)));
    }

    @Test
    void aYamlBombInAConfigMapIsRejectedAndFixingItSubmits() {
        String bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n";
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("cfg")
                .endMetadata().withData(Map.of("config.yaml", bomb)).build()).create();
        LoraTrainingJob job = TestJobs.job(namespace, "bomb");
        job.getSpec().setConfig(null);
        job.getSpec().setConfigFrom(new ConfigSource(new ConfigMapKeyReference("cfg", "config.yaml")));
        create(job);
        LoraTrainingJob invalid = awaitPhase("bomb", Phase.Invalid);
        assertThat(invalid.getStatus().getError().getMessage()).contains("more than 100000 values")
                .contains("each use of a YAML alias counts");

        String good = BASE.replace("NAME", configName("bomb"));
        client.configMaps().inNamespace(namespace).withName("cfg").edit(cm -> {
            cm.setData(Map.of("config.yaml", good));
            return cm;
        });
        awaitJobId("bomb");
        assertThat(remoteJobsNamed(configName("bomb"))).hasSize(1);
        assertThat(get("bomb").getStatus().getError()).isNull();
    }

    @Test
    void breakingTheConfigOfASubmittedJobLosesNothingAlreadyRecorded() {
        create(TestJobs.job(namespace, "broken-later"));
        String jobId = awaitJobId("broken-later");
        sim().job(jobId).start().advanceTo(250);
        awaitJob("broken-later", j -> j.getStatus().getArtifacts() != null
                && !j.getStatus().getArtifacts().getCheckpoints().isEmpty());
        edit("broken-later", j -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) j.getSpec().getConfig().path("config").path("process")
                    .get(0)).put("training_folder", "/somewhere/else");
        });
        LoraTrainingJob rejected = awaitJob("broken-later", j -> "InvalidConfig".equals(condition(j, "Accepted",
                JobCondition::getReason)));
        assertThat(rejected.getStatus().getJobId()).isEqualTo(jobId);
        assertThat(rejected.getStatus().getPhase()).isEqualTo(Phase.Running);
        assertThat(rejected.getStatus().getArtifacts().getCheckpoints()).isNotEmpty();
        afterTwoMorePasses("broken-later");
        assertThat(eventReasons("broken-later")).containsOnlyOnce("InvalidConfig");
        sim().job(jobId).complete();
        awaitPhase("broken-later", Phase.Succeeded);
        assertThat(calls(dev.loraoperator.simulator.Operation.EDIT, jobId)).isZero();
    }

    @Test
    void aMissingConfigMapIsReported() {
        LoraTrainingJob job = TestJobs.job(namespace, "nomap");
        job.getSpec().setConfig(null);
        job.getSpec().setConfigFrom(new ConfigSource(new ConfigMapKeyReference("absent", "config.yaml")));
        create(job);
        LoraTrainingJob waiting = awaitJob("nomap", j -> j.getStatus() != null
                && "MissingConfigSource".equals(condition(j, "Accepted", JobCondition::getReason)));
        assertThat(condition(waiting, "Accepted", JobCondition::getMessage)).contains("absent");
        assertThat(eventReasons("nomap")).contains("MissingConfigSource");
    }
}
