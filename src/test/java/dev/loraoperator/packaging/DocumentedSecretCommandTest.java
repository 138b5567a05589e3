package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The `kubectl create secret` command docs/install.md tells users to run, run by the real kubectl (client-side
 * dry run), makes the Secret the default install reads: same namespace, name and key as the Deployment's settings.
 */
class DocumentedSecretCommandTest {
    private static final Pattern COMMAND = Pattern.compile(
            "kubectl -n (\\S+) create secret generic (\\S+) --from-literal=(\\w+)=<RunComfy API token>");

    @Test
    void documentedCommandCreatesTheSecretTheOperatorReads() throws IOException {
        Matcher documented = COMMAND.matcher(Files.readString(Path.of("docs", "install.md")));
        assertThat(documented.find()).as("docs/install.md shows the kubectl create secret command").isTrue();
        List<String> args = new ArrayList<>(List.of("-n", documented.group(1), "create", "secret", "generic",
                documented.group(2), "--from-literal=" + documented.group(3) + "=test-token", "--dry-run=client",
                "-o", "yaml"));
        Secret secret = Manifests.parse(Tools.runOk("kubectl", args)).only("Secret").strict(Secret.class);

        var env = OperatorSettingsExposedTest.env(Chart.DEFAULTS);
        assertThat(secret.getMetadata().getNamespace()).isEqualTo(env.get("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAMESPACE"));
        assertThat(secret.getMetadata().getName()).isEqualTo(env.get("LORA_OPERATOR_DEFAULT_CREDENTIALS_NAME"));
        String key = env.get("LORA_OPERATOR_DEFAULT_CREDENTIALS_KEY");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8))
                .isEqualTo("test-token");
    }
}
