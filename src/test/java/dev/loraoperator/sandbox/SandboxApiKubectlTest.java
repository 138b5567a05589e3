package dev.loraoperator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loraoperator.crdvalidation.CrdValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's Kubernetes API alone (no operator), driven by the real kubectl: built-in kinds kubectl sends as
 * protobuf, custom resources refused with kube-apiserver's messages, and {@code kubectl explain}.
 */
class SandboxApiKubectlTest {

    private static final Path DIR = Path.of("target", "sandbox-api-kubectl").toAbsolutePath();

    private static ApiServer api;
    private static Kubectl kubectl;

    @BeforeAll
    static void startTheApi() {
        List<JsonNode> crds = CrdFile.readAll(Path.of("crds"));
        List<ServedKind> kinds = new ArrayList<>(CoreKinds.all());
        crds.forEach(crd -> kinds.add(CrdFile.servedKind(crd)));
        api = ApiServer.start("127.0.0.1", 0, new SandboxDispatcher(kinds,
                crds.stream().map(CrdValidator::of).toList(), Clock.systemUTC()), AuditLog.create(DIR.resolve("api-audit.log")));
        String url = "http://127.0.0.1:" + api.port();
        SandboxOptions options = SandboxOptions.parse("--dir", DIR.toString());
        ClusterSeed.apply(url, crds, options);
        kubectl = new Kubectl(Path.of(System.getProperty("lora.tools.bin", "target/tools/bin"), "kubectl"),
                Kubeconfig.write(DIR.resolve("kubeconfig"), url), DIR.resolve("kube-cache"));
    }

    @AfterAll
    static void stopTheApi() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void kubectlCreatesSecretsConfigMapsAndNamespacesItSendsAsProtobuf() {
        assertThat(kubectl.run("create", "secret", "generic", "team-token", "--from-literal=token=s3cr=t",
                "--from-literal=other=x").ok().out()).contains("secret/team-token created");
        assertThat(kubectl.run("create", "configmap", "train-config", "--from-literal=config.yaml=job: extension")
                .ok().out()).contains("configmap/train-config created");
        assertThat(kubectl.run("create", "namespace", "team-a").ok().out()).contains("namespace/team-a created");
        assertThat(kubectl.run("create", "secret", "generic", "in-team", "-n", "team-a", "--from-literal=k=v")
                .ok().out()).contains("secret/in-team created");

        String token = kubectl.run("get", "secret", "team-token", "-o", "jsonpath={.data.token}").ok().out();
        assertThat(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8)).isEqualTo("s3cr=t");
        assertThat(kubectl.run("get", "secret", "team-token", "-o", "jsonpath={.type}").ok().out()).isEqualTo("Opaque");
        assertThat(kubectl.run("get", "configmap", "train-config", "-o", "jsonpath={.data.config\\.yaml}").ok().out())
                .isEqualTo("job: extension");
        assertThat(kubectl.run("get", "namespace", "team-a", "-o", "name").ok().out()).contains("namespace/team-a");
        assertThat(kubectl.run("get", "secret", "in-team", "-n", "team-a", "-o", "name").ok().out())
                .contains("secret/in-team");
    }

    @Test
    void kubectlApplyOfAJobTheCrdRefusesPrintsKubeApiserversMessage() throws IOException {
        Kubectl.Result unsupported = apply("foo-gpu", "gpuType: FOO\n  config: {job: extension}");
        Kubectl.Result eightH200 = apply("eight-h200", "gpuType: HOPPER_141\n  gpuCount: 8\n  config: {job: extension}");
        Kubectl.Result both = apply("both", "gpuType: ADA_80_PLUS\n  config: {job: extension}\n"
                + "  configFrom: {configMapKeyRef: {name: c, key: k}}");

        assertThat(unsupported.exitCode()).isNotZero();
        // two causes, listed by kubectl: the schema's, and kube-apiserver's note that the CEL rules were not run
        assertThat(unsupported.err()).contains("The LoraTrainingJob \"foo-gpu\" is invalid: \n* spec.gpuType:"
                + " Unsupported value: \"FOO\": supported values: \"ADA_80_PLUS\", \"HOPPER_141\"\n* <nil>: Invalid value:"
                + " null: some validation rules were not checked");
        assertThat(eightH200.err()).contains("The LoraTrainingJob \"eight-h200\" is invalid: spec: Invalid value:"
                + " gpuCount 8 is only available with gpuType ADA_80_PLUS");
        assertThat(both.err()).contains("The LoraTrainingJob \"both\" is invalid: spec: Invalid value: set exactly"
                + " one of config or configFrom");
        assertThat(kubectl.run("get", "ltj", "-o", "name").ok().out()).doesNotContain("foo-gpu", "eight-h200", "both");
    }

    @Test
    void anUnknownFieldIsRefusedAsKubectlAsksForStrictValidation() throws IOException {
        Kubectl.Result typo = apply("typo", "gpuType: ADA_80_PLUS\n  gpuCont: 8\n  config: {job: extension}");

        assertThat(typo.err()).contains("strict decoding error: unknown field \"spec.gpuCont\"");
        Kubectl.Result patched = kubectl.run("apply", "--validate=false", "-f", manifest("typo",
                "gpuType: ADA_80_PLUS\n  gpuCont: 8\n  config: {job: extension}").toString());
        assertThat(patched.ok().out()).contains("created");
        assertThat(kubectl.run("get", "ltj", "typo", "-o", "jsonpath={.spec}").ok().out())
                .doesNotContain("gpuCont").contains("\"gpuCount\":1");
    }

    @Test
    void kubectlExplainDescribesTheKindItsSpecAndItsStatus() {
        String kind = kubectl.run("explain", "ltj").ok().out();
        String spec = kubectl.run("explain", "ltj.spec").ok().out();
        String status = kubectl.run("explain", "ltj.status").ok().out();
        String gpuType = kubectl.run("explain", "ltj.spec.gpuType").ok().out();

        assertThat(kind).contains("KIND:       LoraTrainingJob").contains("A LoRA training run on RunComfy's hosted GPUs")
                .doesNotContain("<empty>");
        assertThat(spec).contains("What to train and on what").doesNotContain("<no description>");
        assertThat(status).contains("What the operator knows about the remote job").doesNotContain("<no description>");
        assertThat(gpuType).contains("ADA_80_PLUS (H100 80 GB)");
    }

    private static Kubectl.Result apply(String name, String spec) throws IOException {
        return kubectl.run("apply", "-f", manifest(name, spec).toString());
    }

    private static Path manifest(String name, String spec) throws IOException {
        Path file = DIR.resolve(name + ".yaml");
        Files.createDirectories(DIR);
        Files.writeString(file, """
                apiVersion: training.lora-operator.dev/v1alpha1
                kind: LoraTrainingJob
                metadata:
                  name: %s
                spec:
                  %s
                """.formatted(name, spec));
        return file;
    }
}
