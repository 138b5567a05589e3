package dev.loraoperator.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loraoperator.api.v1alpha1.ArchiveFormat;
import dev.loraoperator.api.v1alpha1.ArchiveSource;
import dev.loraoperator.api.v1alpha1.ConfigMapReference;
import dev.loraoperator.api.v1alpha1.DatasetFile;
import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.LoraDatasetSpec;
import dev.loraoperator.api.v1alpha1.SecretValueReference;
import dev.loraoperator.api.v1alpha1.UrlSource;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** files[] to sources, against the Fabric8 mock API server: ConfigMaps and URL Secrets of the dataset's namespace. */
class SourceResolverTest {
    private final KubernetesMockServer kubernetes = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(),
            new io.fabric8.mockwebserver.MockWebServer(), new java.util.HashMap<>(),
            new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(), false);
    private final SourceServer web = new SourceServer();
    private KubernetesClient client;
    private SourceResolver resolver;

    @BeforeEach
    void start() {
        kubernetes.init();
        client = kubernetes.createClient();
        resolver = new SourceResolver(client, new SourceHttp(SourceHttp.Limits.DEFAULTS));
    }

    @AfterEach
    void stop() {
        client.close();
        kubernetes.destroy();
        web.close();
    }

    @Test
    void eachKindBecomesItsSourceAndAUrlFromASecretIsRead() throws Exception {
        client.configMaps().inNamespace("team").resource(new ConfigMapBuilder().withNewMetadata().withName("pics")
                .endMetadata().addToData("a.txt", "caption").build()).create();
        web.serve("/signed/b.jpg", "jpeg".getBytes(StandardCharsets.UTF_8))
                .serve("/set.zip", Archives.zip(Map.of("c.png", "png")));
        String signed = web.uri("/signed/b.jpg").toString() + "?X-Signature=secret";
        client.secrets().inNamespace("team").resource(new SecretBuilder().withNewMetadata().withName("urls")
                .endMetadata().addToData("b", Base64.getEncoder().encodeToString(signed.getBytes(StandardCharsets.UTF_8)))
                .build()).create();
        DatasetFile fromSecret = new DatasetFile();
        fromSecret.setUrlFrom(new UrlSource(new SecretValueReference("urls", "b")));
        DatasetFile archive = new DatasetFile();
        ArchiveSource zip = new ArchiveSource();
        zip.setUrl(web.uri("/set.zip").toString());
        zip.setFormat(ArchiveFormat.ZIP);
        archive.setArchive(zip);
        DatasetFile configMap = new DatasetFile();
        configMap.setConfigMapRef(new ConfigMapReference("pics"));

        List<FileSource> sources = resolver.resolve(dataset(configMap, fromSecret, archive));
        assertThat(sources).hasSize(3);
        assertThat(sources.get(0).list()).containsExactly(new DesiredFile("a.txt", 7));
        assertThat(sources.get(1).list()).containsExactly(new DesiredFile("b.jpg", 4));
        assertThat(sources.get(2).list()).containsExactly(new DesiredFile("c.png", 3));
    }

    @Test
    void aMissingConfigMapOrSecretFailsNamingTheEntryNotTheUrl() {
        DatasetFile configMap = new DatasetFile();
        configMap.setConfigMapRef(new ConfigMapReference("nope"));
        assertThatThrownBy(() -> resolver.resolve(dataset(configMap))).isInstanceOf(SourceException.class)
                .hasMessage("files[0]: ConfigMap team/nope does not exist");
        DatasetFile fromSecret = new DatasetFile();
        fromSecret.setUrlFrom(new UrlSource(new SecretValueReference("absent", "url")));
        assertThatThrownBy(() -> resolver.resolve(dataset(fromSecret))).isInstanceOf(SourceException.class)
                .hasMessage("files[0]: Secret team/absent does not exist");
    }

    private static LoraDataset dataset(DatasetFile... files) {
        LoraDataset dataset = new LoraDataset();
        dataset.setMetadata(new ObjectMetaBuilder().withName("pets").withNamespace("team").build());
        LoraDatasetSpec spec = new LoraDatasetSpec();
        spec.setFiles(List.of(files));
        dataset.setSpec(spec);
        return dataset;
    }
}
