package dev.loraoperator.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.loraoperator.api.v1alpha1.GpuType;
import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an installed operator finds in a cluster (the CRD, the token Secret), the LoraTrainingJobs the scale runs
 * create, and the settings the packaged operator gets to run against the mock API and the simulator.
 */
public final class TestCluster {

    public static final String OPERATOR_NAMESPACE = "lora-training-operator";
    public static final String JOBS_NAMESPACE = "default";
    static final String SECRET = "runcomfy-credentials";
    static final String SECRET_KEY = "token";
    static final Path CRD = Path.of("crds", "loratrainingjobs.training.lora-operator.dev-v1.yml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    // a small AI Toolkit config: `steps` steps, a checkpoint every `save_every`
    private static final String CONFIG = """
            job: extension
            config:
              name: %s
              process:
                - type: sd_trainer
                  device: cuda:0
                  network: {type: lora, linear: 16, linear_alpha: 16}
                  save: {dtype: float16, save_every: %d, max_step_saves_to_keep: 4}
                  datasets:
                    - folder_path: dogs_v1
                      caption_ext: txt
                  train: {batch_size: 1, steps: %d, lr: 1.0e-4, optimizer: adamw8bit}
                  model: {name_or_path: black-forest-labs/FLUX.1-dev, is_flux: true, quantize: true}
                  sample: {sample_every: %2$d, prompts: ["a photo of [trigger]"]}
            """;

    private TestCluster() {
    }

    /** A client whose requests the counting API server tells apart from the operator's and leaves out. */
    public static KubernetesClient client(String apiUrl) {
        // Config.empty(): never pick up the user's own kubeconfig, token or proxy settings
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(apiUrl).withNamespace(JOBS_NAMESPACE)
                .withUserAgent(CountingDispatcher.BENCH_AGENT).withRequestTimeout(60_000).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    public static void install(KubernetesClient client, String token) {
        client.apiextensions().v1().customResourceDefinitions().load(CRD.toFile()).create();
        // data, not stringData: the mock API server stores objects as sent and does not convert stringData
        String data = Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        client.secrets().inNamespace(OPERATOR_NAMESPACE).resource(new SecretBuilder().withNewMetadata()
                .withName(SECRET).withNamespace(OPERATOR_NAMESPACE).endMetadata().withType("Opaque")
                .withData(Map.of(SECRET_KEY, data)).build()).create();
    }

    /** The config name is the resource name: unique, so the simulator's jobs map back to their resources. */
    public static LoraTrainingJob job(String name, Map<String, String> labels, int steps, int saveEvery) {
        LoraTrainingJob job = new LoraTrainingJob();
        job.setMetadata(new ObjectMetaBuilder().withNamespace(JOBS_NAMESPACE).withName(name).withLabels(labels)
                .build());
        LoraTrainingJobSpec spec = new LoraTrainingJobSpec();
        spec.setGpuType(GpuType.ADA_80_PLUS);
        try {
            spec.setConfig(YAML.readTree(CONFIG.formatted(configName(name), saveEvery, steps)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        job.setSpec(spec);
        return job;
    }

    public static String configName(String resourceName) {
        return resourceName.replace('-', '_');
    }

    /**
     * Production settings, except where the API and the Trainer are, the poll interval and the rate. The operator's
     * HTTP server binds a free port itself (0) and names it in its log ({@code OperatorProcess.awaitReady}), so that
     * nothing can take the port between choosing and binding it.
     */
    public static Map<String, String> operatorSettings(Path kubeconfig, String trainerUrl, Duration poll,
            double requestsPerSecond) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("LORA_OPERATOR_TRAINER_BASE_URL", trainerUrl);
        env.put("LORA_OPERATOR_TRAINER_REQUESTS_PER_SECOND", String.valueOf(requestsPerSecond));
        env.put("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAMESPACE", OPERATOR_NAMESPACE);
        env.put("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAME", SECRET);
        env.put("LORA_OPERATOR_DEFAULT_CREDENTIALS_KEY", SECRET_KEY);
        env.put("LORA_OPERATOR_POLL_QUEUED_INTERVAL", poll.toMillis() + "ms");
        env.put("LORA_OPERATOR_POLL_RUNNING_INTERVAL", poll.toMillis() + "ms");
        env.put("LORA_OPERATOR_POLL_RETRY_INTERVAL", poll.toMillis() + "ms");
        return env;
    }
}
