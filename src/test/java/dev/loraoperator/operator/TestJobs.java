package dev.loraoperator.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.UncheckedIOException;

/** Builds LoraTrainingJobs for tests, with a small valid AI Toolkit config. */
public final class TestJobs {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public static final String CONFIG = """
            job: extension
            config:
              name: %s
              process:
                - type: sd_trainer
                  device: cuda:0
                  network: {type: lora, linear: 16, linear_alpha: 16}
                  save: {dtype: float16, save_every: 250, max_step_saves_to_keep: 4}
                  datasets:
                    - folder_path: dogs_v1
                      caption_ext: txt
                  train: {batch_size: 1, steps: 1000, lr: 1.0e-4, optimizer: adamw8bit}
                  model: {name_or_path: black-forest-labs/FLUX.1-dev, is_flux: true, quantize: true}
                  sample: {sample_every: 250, prompts: ["a photo of [trigger]"]}
            """;

    private TestJobs() {
    }

    /** Unique across tests, which share one simulator: resource name plus namespace. */
    public static String configName(String namespace, String name) {
        return (name + "_" + namespace).replace('-', '_');
    }

    public static JsonNode config(String name) {
        return yaml(CONFIG.formatted(name));
    }

    public static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LoraTrainingJob job(String namespace, String name) {
        LoraTrainingJob job = new LoraTrainingJob();
        job.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name)
                .withLabels(new java.util.HashMap<>(java.util.Map.of("test", "operator"))).build());
        LoraTrainingJobSpec spec = new LoraTrainingJobSpec();
        spec.setGpuType(GpuType.ADA_80_PLUS);
        spec.setConfig(config(configName(namespace, name)));
        job.setSpec(spec);
        return job;
    }
}
