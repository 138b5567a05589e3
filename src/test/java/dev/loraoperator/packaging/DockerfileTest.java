package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the image without a container engine (none on the CI machines, so it is never built
 * here): a JRE 17 runtime stage, a numeric non-root user, port 8080, the Quarkus fast-jar, and the documented
 * build command producing the chart's default image name and tag, and the same JVM memory flags as the chart.
 */
class DockerfileTest {
    static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile");

    @Test
    void runtimeStageIsANonRootJre17RunningTheFastJar() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(1)).startsWith("FROM eclipse-temurin:17-jre");
        List<String> runtime = lines.subList(lines.indexOf(froms.get(1)), lines.size());
        assertThat(runtime).contains("USER 1001:0", "EXPOSE 8080",
                "ENTRYPOINT [\"java\", \"-jar\", \"/deployments/quarkus-run.jar\"]");
        assertThat(runtime).noneMatch(l -> l.startsWith("USER root") || l.startsWith("USER 0"));
    }

    @Test
    void documentedBuildCommandMakesTheChartsDefaultImage() throws IOException {
        String command = "docker build -f src/main/docker/Dockerfile -t loraoperator/lora-training-operator:0.1.0 .";
        assertThat(Files.readString(DOCKERFILE)).contains(command);
        assertThat(Files.readString(Path.of("docs", "install.md"))).contains(command);
        assertThat(Values.defaults().path("image").path("repository").asText())
                .isEqualTo("loraoperator/lora-training-operator");
        assertThat(Files.readString(Chart.DIR.resolve("Chart.yaml"))).contains("appVersion: \"0.1.0\"");
    }

    @Test
    void imageAndChartGiveTheJvmTheSameMemoryFlags() throws IOException {
        String jvmOptions = Values.defaults().path("jvmOptions").asText();
        assertThat(jvmOptions).contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
        assertThat(Files.readAllLines(DOCKERFILE)).contains("ENV JAVA_TOOL_OPTIONS=\"" + jvmOptions + "\"");
    }
}
