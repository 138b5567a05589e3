package dev.loraoperator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing of the sandbox reaches production: target/quarkus-app, which the image copies and users run, holds
 * neither the mock API server nor the simulator nor any test code. Runs after package, so it sees the real artifact.
 */
class RuntimeArtifactIT {

    private static final Path APP = Path.of("target", "quarkus-app");
    private static final List<String> TEST_ONLY_ARTIFACTS = List.of("kubernetes-server-mock", "mockwebserver",
            "quarkus-test-kubernetes-client", "quarkus-junit", "junit-jupiter", "assertj-core", "awaitility",
            "crd-generator-api-v2");
    private static final List<String> TEST_ONLY_PACKAGES = List.of("dev/loraoperator/sandbox/",
            "dev/loraoperator/simulator/", "dev/loraoperator/examples/", "dev/loraoperator/operator/");

    @Test
    void theRuntimeArtifactCarriesNoMockServerSimulatorOrSandbox() throws IOException {
        List<Path> jars = jars();
        assertThat(jars).as("jars under " + APP).isNotEmpty();

        List<String> found = new ArrayList<>();
        List<String> operatorClasses = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            TEST_ONLY_ARTIFACTS.stream().filter(name::contains).forEach(a -> found.add(jar.toString()));
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().forEach(entry -> {
                    TEST_ONLY_PACKAGES.stream().filter(entry.getName()::startsWith)
                            .forEach(p -> found.add(jar + "!" + entry.getName()));
                    if (entry.getName().startsWith("dev/loraoperator/reconciler/")) {
                        operatorClasses.add(entry.getName());
                    }
                });
            }
        }
        String dependencies = Files.readString(APP.resolve("quarkus-app-dependencies.txt"));
        TEST_ONLY_ARTIFACTS.stream().filter(a -> dependencies.contains(":" + a + ":"))
                .forEach(a -> found.add("quarkus-app-dependencies.txt: " + a));

        assertThat(found).isEmpty();
        // the scan looked where the operator really is
        assertThat(operatorClasses).contains("dev/loraoperator/reconciler/LoraTrainingJobReconciler.class");
    }

    private static List<Path> jars() throws IOException {
        try (Stream<Path> files = Files.walk(APP)) {
            return files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
    }
}
