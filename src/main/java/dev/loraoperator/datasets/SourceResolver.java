package dev.loraoperator.datasets;

import dev.loraoperator.api.v1alpha1.DatasetFile;
import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.SecretValueReference;
import dev.loraoperator.api.v1alpha1.UrlSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns a LoraDataset's files[] into sources, reading the ConfigMaps and the URL Secrets of its namespace. A URL
 * read from a Secret never appears in a message: the entry is named by its index and Secret.
 */
public class SourceResolver {
    private final KubernetesClient client;
    private final SourceHttp http;

    public SourceResolver(KubernetesClient client, SourceHttp http) {
        this.client = client;
        this.http = http;
    }

    public List<FileSource> resolve(LoraDataset dataset) throws SourceException {
        String namespace = dataset.getMetadata().getNamespace();
        List<FileSource> sources = new ArrayList<>();
        List<DatasetFile> files = dataset.getSpec() == null ? List.of() : dataset.getSpec().getFiles();
        for (int i = 0; i < files.size(); i++) {
            DatasetFile file = files.get(i);
            String what = "files[" + i + "]";
            if (file.getConfigMapRef() != null) {
                String name = file.getConfigMapRef().getName();
                ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(name).get();
                if (configMap == null) {
                    throw new SourceException(what + ": ConfigMap " + namespace + "/" + name + " does not exist");
                }
                sources.add(new ConfigMapFileSource(configMap, what + " ConfigMap " + name));
            } else if (file.getArchive() != null) {
                URI uri = uri(file.getArchive().getUrl(), file.getArchive().getUrlFrom(), namespace, what);
                sources.add(new ArchiveFileSource(http, uri, file.getArchive().getFormat(),
                        file.getArchive().getSha256(), what));
            } else {
                URI uri = uri(file.getUrl(), file.getUrlFrom(), namespace, what);
                sources.add(new UrlFileSource(http, uri, file.getFilename(), file.getSha256(), what));
            }
        }
        return sources;
    }

    private URI uri(String url, UrlSource from, String namespace, String what) throws SourceException {
        String text = url;
        if (text == null && from != null && from.getSecretKeyRef() != null) {
            text = secretValue(namespace, from.getSecretKeyRef(), what);
        }
        if (text == null || text.isBlank()) {
            throw new SourceException(what + ": no url or urlFrom");
        }
        try {
            return URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SourceException(what + ": not a valid URL" + (url == null ? " in its Secret" : ""));
        }
    }

    private String secretValue(String namespace, SecretValueReference ref, String what) throws SourceException {
        String where = what + ": Secret " + namespace + "/" + ref.getName();
        Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
        if (secret == null) {
            throw new SourceException(where + " does not exist");
        }
        String encoded = secret.getData() == null ? null : secret.getData().get(ref.getKey());
        if (encoded != null) {
            try {
                return new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new SourceException(where + " key " + ref.getKey() + " is not base64");
            }
        }
        String plain = secret.getStringData() == null ? null : secret.getStringData().get(ref.getKey());
        if (plain == null) {
            throw new SourceException(where + " has no key " + ref.getKey());
        }
        return plain;
    }
}
