package dev.loraoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.loraoperator.api.v1alpha1.ArchiveFormat;
import dev.loraoperator.api.v1alpha1.ArchiveSource;
import dev.loraoperator.api.v1alpha1.ConfigMapReference;
import dev.loraoperator.api.v1alpha1.DatasetDeletionPolicy;
import dev.loraoperator.api.v1alpha1.DatasetFile;
import dev.loraoperator.api.v1alpha1.DatasetPhase;
import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.LoraDatasetSpec;
import dev.loraoperator.datasets.Archives;
import dev.loraoperator.datasets.SourceServer;
import dev.loraoperator.simulator.DatasetSnapshot;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.UploadRecord;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LoraDatasets on the mock API server, against the simulator: from sources to a READY remote dataset and back. */
@QuarkusTest
@WithKubernetesTestServer
@QuarkusTestResource(SimulatorResource.class)
class DatasetOperatorTest extends OperatorTestSupport {
    private final SourceServer web = new SourceServer();

    @io.quarkus.test.common.http.TestHTTPResource("/q/metrics")
    java.net.URI metrics;

    /** Jobs first: a dataset that an active job uses is not deleted before the job is. */
    @AfterEach
    void deleteDatasets() {
        sim().faults().clear();
        client.resources(dev.loraoperator.api.v1alpha1.LoraTrainingJob.class).inNamespace(namespace).delete();
        client.resources(LoraDataset.class).inNamespace(namespace).delete();
        await().atMost(WAIT).until(() -> client.resources(LoraDataset.class).inNamespace(namespace).list()
                .getItems().isEmpty());
        web.close();
    }

    @Test
    void aConfigMapBecomesAReadyRemoteDatasetWithEachFileSentOnce() throws Exception {
        sim().datasetCheckTime(Duration.ofMillis(300));
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("pics")
                .endMetadata().addToData("dog.txt", "a corgi").addToBinaryData("dog.png", "iVBORw0KGgo=").build())
                .create();
        DatasetFile file = new DatasetFile();
        file.setConfigMapRef(new ConfigMapReference("pics"));
        client.resource(dataset("corgis", DatasetDeletionPolicy.Delete, file)).create();

        LoraDataset ready = awaitDataset("corgis", d -> d.getStatus().getPhase() == DatasetPhase.Ready);
        String remoteName = namespace + "-corgis";
        assertThat(ready.getStatus().getRemoteName()).isEqualTo(remoteName);
        assertThat(ready.getStatus().getFiles().getSummary()).isEqualTo("2/2");
        assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
        assertThat(remote(remoteName).files()).containsOnlyKeys("dog.png", "dog.txt");
        assertThat(uploads(ready.getStatus().getRemoteId())).extracting(UploadRecord::filename)
                .containsExactlyInAnyOrder("dog.png", "dog.txt");
        assertThat(eventReasons("corgis")).contains("DatasetCreated", "FilesUploaded", "DatasetReady");
        String exported = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(metrics)
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(exported.lines().filter(l -> l.startsWith("lora_operator_dataset_upload_files_total "))
                .map(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst()).hasValueSatisfying(
                        files -> assertThat(files).isGreaterThanOrEqualTo(2));
        assertThat(exported).contains("lora_operator_dataset_upload_bytes_total ")
                .doesNotContain(namespace).doesNotContain("corgis");

        // deletion deletes the remote dataset (deletionPolicy Delete)
        client.resource(ready).delete();
        await().atMost(WAIT).until(() -> sim().datasets().stream().noneMatch(d -> d.name().equals(remoteName)));
    }

    @Test
    void anArchiveWithTraversalFailsNamingTheEntryAndUploadsNothing() {
        web.serve("/evil.zip", Archives.zip(Map.of("../evil.jpg", "x", "ok.jpg", "y")));
        DatasetFile file = new DatasetFile();
        ArchiveSource archive = new ArchiveSource();
        archive.setUrl(web.uri("/evil.zip").toString());
        archive.setFormat(ArchiveFormat.ZIP);
        file.setArchive(archive);
        client.resource(dataset("evil", DatasetDeletionPolicy.Delete, file)).create();

        LoraDataset failed = awaitDataset("evil", d -> d.getStatus().getPhase() == DatasetPhase.Failed);
        assertThat(failed.getStatus().getError().getMessage()).contains("../evil.jpg");
        assertThat(sim().uploads()).noneMatch(u -> u.filename().equals("ok.jpg") || u.filename().equals("evil.jpg"));
        assertThat(eventReasons("evil")).contains("Failed");
    }

    @Test
    void anOrphanedDatasetStaysInTheAccount() {
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("one")
                .endMetadata().addToData("a.txt", "caption").build()).create();
        DatasetFile file = new DatasetFile();
        file.setConfigMapRef(new ConfigMapReference("one"));
        client.resource(dataset("kept", DatasetDeletionPolicy.Orphan, file)).create();
        LoraDataset uploaded = awaitDataset("kept", d -> d.getStatus().getFiles() != null
                && d.getStatus().getFiles().getUploaded() == 1);
        int deletes = sim().count(Operation.DELETE_DATASET);
        client.resource(uploaded).delete();
        await().atMost(WAIT).until(() -> client.resources(LoraDataset.class).inNamespace(namespace).withName("kept")
                .get() == null);
        assertThat(remote(namespace + "-kept")).isNotNull();
        assertThat(sim().count(Operation.DELETE_DATASET)).isEqualTo(deletes);
    }

    @Test
    void aNameConflictOnCreateAdoptsThatDatasetAndSendsOnlyWhatItLacks() throws Exception {
        String remoteName = namespace + "-adopted";
        dev.loraoperator.trainer.HttpDatasetApi api = new dev.loraoperator.trainer.HttpDatasetApi(
                new dev.loraoperator.trainer.HttpTrainerApi(java.net.URI.create(sim().baseUrl()), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), new dev.loraoperator.trainer.RateLimiter(100, java.time.Clock.systemUTC()),
                        dev.loraoperator.trainer.RequestObserver.NONE), Duration.ofSeconds(2),
                dev.loraoperator.trainer.RequestObserver.NONE);
        dev.loraoperator.trainer.ApiToken token = new dev.loraoperator.trainer.ApiToken(SimulatorResource.TOKEN);
        String id = api.create(token, remoteName).id();
        byte[] caption = "caption".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        api.upload(token, id, new dev.loraoperator.trainer.UploadFile("a.txt", caption.length,
                () -> new java.io.ByteArrayInputStream(caption)));
        sim().hideDatasetsFromList(1);
        int creates = sim().count(Operation.CREATE_DATASET);

        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("two")
                .endMetadata().addToData("a.txt", "caption").addToData("b.txt", "second").build()).create();
        DatasetFile file = new DatasetFile();
        file.setConfigMapRef(new ConfigMapReference("two"));
        client.resource(dataset("adopted", DatasetDeletionPolicy.Orphan, file)).create();

        LoraDataset done = awaitDataset("adopted", d -> d.getStatus().getFiles() != null
                && d.getStatus().getFiles().getUploaded() == 2);
        assertThat(done.getStatus().getRemoteId()).isEqualTo(id);
        assertThat(sim().count(Operation.CREATE_DATASET)).isEqualTo(creates + 1);
        assertThat(sim().datasets()).filteredOn(d -> d.name().equals(remoteName)).hasSize(1);
        assertThat(uploads(id)).extracting(UploadRecord::filename).containsExactly("a.txt", "b.txt");
        assertThat(eventReasons("adopted")).contains("Adopted");
    }

    @Test
    void aDatasetThatActiveJobsUseIsDeletedOnlyOnceNoneUsesItAnyMore() {
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("held")
                .endMetadata().addToData("a.txt", "caption").build()).create();
        DatasetFile file = new DatasetFile();
        file.setConfigMapRef(new ConfigMapReference("held"));
        client.resource(dataset("shared", DatasetDeletionPolicy.Delete, file)).create();
        String remoteName = namespace + "-shared";
        String finishing = awaitJobId(createJobUsing("finishing", "shared", false));
        String deleted = awaitJobId(createJobUsing("deleted", "shared", false));
        createJobUsing("idle", "shared", true); // never submitted: it does not hold the dataset
        sim().job(finishing).start();
        awaitPhase("finishing", dev.loraoperator.api.v1alpha1.Phase.Running);
        int deletes = sim().count(Operation.DELETE_DATASET);

        client.resources(LoraDataset.class).inNamespace(namespace).withName("shared").delete();
        LoraDataset held = awaitDataset("shared", d -> inUseMessage(d).endsWith("LoraTrainingJobs deleted, finishing"));
        assertThat(held.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(inUseMessage(held)).doesNotContain("idle");
        awaitEvent("shared", "InUse");

        // one job ends: the watch wakes the dataset, which now waits for the other one alone
        sim().job(finishing).start().complete();
        awaitPhase("finishing", dev.loraoperator.api.v1alpha1.Phase.Succeeded);
        held = awaitDataset("shared", d -> inUseMessage(d).endsWith("LoraTrainingJob deleted"));
        assertThat(remote(remoteName)).isNotNull();
        assertThat(sim().count(Operation.DELETE_DATASET)).isEqualTo(deletes);
        // the job that ended keeps the dataset's RunComfy name in its config: nothing looks edited, nothing is sent
        afterTwoMorePasses("finishing");
        assertThat(calls(Operation.EDIT, finishing) + calls(Operation.RESUME, finishing)).isZero();

        // the other job is deleted (its remote job canceled): nothing uses the dataset any more
        client.resources(dev.loraoperator.api.v1alpha1.LoraTrainingJob.class).inNamespace(namespace)
                .withName("deleted").delete();
        await().atMost(WAIT).until(() -> client.resources(LoraDataset.class).inNamespace(namespace)
                .withName("shared").get() == null);
        assertThat(remote(remoteName)).isNull();
        assertThat(sim().count(Operation.DELETE_DATASET)).isEqualTo(deletes + 1);
        assertThat(sim().job(deleted).snapshot().status()).isEqualTo("CANCELED");
    }

    private String createJobUsing(String name, String datasetName, boolean suspended) {
        dev.loraoperator.api.v1alpha1.LoraTrainingJob job = TestJobs.job(namespace, name);
        job.getSpec().setSuspend(suspended);
        job.getSpec().setConfig(TestJobs.yaml(TestJobs.CONFIG.formatted(configName(name))
                .replace("folder_path: dogs_v1", "folder_path: " + datasetName)));
        create(job);
        return name;
    }

    private static String inUseMessage(LoraDataset dataset) {
        return dev.loraoperator.status.Conditions.find(dataset.getStatus().getConditions(), "Synced")
                .filter(c -> "InUse".equals(c.getReason())).map(c -> c.getMessage()).orElse("");
    }

    private LoraDataset dataset(String name, DatasetDeletionPolicy policy, DatasetFile... files) {
        LoraDataset dataset = new LoraDataset();
        dataset.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        LoraDatasetSpec spec = new LoraDatasetSpec();
        spec.setFiles(List.of(files));
        spec.setDeletionPolicy(policy);
        dataset.setSpec(spec);
        return dataset;
    }

    private LoraDataset awaitDataset(String name, Predicate<LoraDataset> condition) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            LoraDataset found = client.resources(LoraDataset.class).inNamespace(namespace).withName(name).get();
            return found != null && found.getStatus() != null && condition.test(found);
        });
        return client.resources(LoraDataset.class).inNamespace(namespace).withName(name).get();
    }

    private static DatasetSnapshot remote(String name) {
        return sim().datasets().stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    private static List<UploadRecord> uploads(String datasetId) {
        return sim().uploads().stream().filter(u -> u.datasetId().equals(datasetId)).toList();
    }
}
