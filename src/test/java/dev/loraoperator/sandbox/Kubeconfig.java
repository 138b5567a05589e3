package dev.loraoperator.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the kubeconfig that points kubectl (and the operator) at the sandbox API, with namespace default. */
public final class Kubeconfig {

    static final String CONTEXT = "lora-sandbox";

    private Kubeconfig() {
    }

    public static Path write(Path file, String apiUrl) {
        String text = """
                # Written by the lora-training-operator sandbox; valid while the sandbox runs.
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user: {}
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                """.formatted(CONTEXT, apiUrl);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file.toAbsolutePath();
    }
}
