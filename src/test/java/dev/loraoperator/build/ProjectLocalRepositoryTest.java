package dev.loraoperator.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project-local repository (.mvn/repository, consulted before Central) served the stand-in and nothing else,
 * and the stand-in put nothing on the classpath.
 */
class ProjectLocalRepositoryTest {
    private static final String REPOSITORY_ID = "project-local";
    private static final Path STAND_IN = Path.of(".mvn", "repository", "io", "quarkiverse", "operatorsdk",
            "quarkus-operator-sdk-helm", "7.7.3", "quarkus-operator-sdk-helm-7.7.3.jar");

    /** Maven records in each artifact folder of the local repository which repository (by id) served each file. */
    @Test
    void theLocalRepositoryRecordsOnlyTheStandInAsServedByTheProjectLocalRepository() throws IOException {
        Path local = Path.of(System.getProperty("lora.maven.local-repository",
                System.getProperty("user.home") + "/.m2/repository"));
        Set<String> served = new TreeSet<>();
        try (Stream<Path> files = Files.walk(local)) {
            for (Path record : files.filter(f -> f.endsWith("_remote.repositories")).toList()) {
                Files.readAllLines(record).stream().filter(l -> l.endsWith(">" + REPOSITORY_ID + "="))
                        .forEach(l -> served.add(l.substring(0, l.indexOf('>'))));
            }
        }
        // the jar is always there (the build reads it), proving the records were found; the POM only if resolved
        assertThat(served).as("files " + local + " records as served by " + REPOSITORY_ID)
                .contains("quarkus-operator-sdk-helm-7.7.3.jar")
                .isSubsetOf("quarkus-operator-sdk-helm-7.7.3.jar", "quarkus-operator-sdk-helm-7.7.3.pom");
    }

    @Test
    void theStandInHoldsOnlyAnExtensionDescriptorWhoseConditionIsNeverMet() throws IOException {
        try (JarFile jar = new JarFile(STAND_IN.toFile())) {
            assertThat(Collections.list(jar.entries())).extracting(e -> e.getName()).containsExactlyInAnyOrder(
                    "META-INF/", "META-INF/MANIFEST.MF", "META-INF/quarkus-extension.properties");
            Properties descriptor = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/quarkus-extension.properties"))) {
                descriptor.load(in);
            }
            assertThat(descriptor.getProperty("dependency-condition")).isEqualTo("io.quarkiverse.helm:quarkus-helm");
        }
        // the condition is never met, so neither the stand-in nor what it names is on the classpath
        List<URL> descriptors = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/quarkus-extension.properties"));
        assertThat(descriptors).isNotEmpty().noneMatch(u -> u.toString().contains("quarkus-operator-sdk-helm")
                || u.toString().contains("quarkus-helm"));
    }
}
