package dev.loraoperator.datasets;

import dev.loraoperator.trainer.TrainerException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every key of a ConfigMap's data and binaryData is one file named after the key (ConfigMaps hold at most 1 MiB). */
public final class ConfigMapFileSource implements FileSource {
    private final String what;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public ConfigMapFileSource(ConfigMap configMap, String what) throws SourceException {
        this.what = what;
        new TreeMap<>(configMap.getData() == null ? Map.<String, String>of() : configMap.getData())
                .forEach((key, text) -> files.put(key, text.getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, String> entry : new TreeMap<>(configMap.getBinaryData() == null
                ? Map.<String, String>of() : configMap.getBinaryData()).entrySet()) {
            try {
                files.put(entry.getKey(), Base64.getMimeDecoder().decode(entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new SourceException(what + ": binaryData key " + entry.getKey() + " is not base64");
            }
        }
        if (files.isEmpty()) {
            throw new SourceException(what + ": the ConfigMap has no data or binaryData keys");
        }
    }

    @Override
    public List<DesiredFile> list() throws SourceException {
        List<DesiredFile> listed = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            listed.add(new DesiredFile(FileNames.require(file.getKey(), what), file.getValue().length));
        }
        return listed;
    }

    @Override
    public void read(List<DesiredFile> wanted, FileSink sink) throws SourceException, TrainerException {
        for (DesiredFile file : wanted) {
            byte[] bytes = files.get(file.name());
            if (bytes == null || bytes.length != file.size()) {
                throw new SourceException(what + ": " + file.name() + " changed since it was listed");
            }
            try {
                sink.accept(file, new ByteArrayInputStream(bytes));
            } catch (SourceException | TrainerException e) {
                throw e;
            } catch (IOException e) {
                throw new SourceException(what + ": " + file.name() + ": " + e.getMessage(), e);
            }
        }
    }
}
