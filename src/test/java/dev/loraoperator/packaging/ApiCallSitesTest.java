package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ApiCalls lists every place our code talks to the Kubernetes API: a new client call in src/main fails this test
 * until it is listed there, and so reaches the RBAC rules (RbacMatchesApiCallsTest).
 */
class ApiCallSitesTest {
    // A KubernetesClient field or context client starting a call, or JOSDK's resource operations on the context.
    private static final Pattern CALL = Pattern.compile(
            "\\b(client\\.(?:v1\\(\\)\\.)?\\w+\\([^)]*\\)|\\w+\\.getClient\\(\\)|context\\.resourceOperations\\(\\)\\.\\w+)");

    @Test
    void everyApiCallInTheSourcesIsListedInApiCalls() throws IOException {
        Set<String> inCode = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String className = file.getFileName().toString().replace(".java", "");
                Matcher matcher = CALL.matcher(Files.readString(file));
                while (matcher.find()) {
                    inCode.add(className + ": " + matcher.group(1));
                }
            }
        }
        Set<String> listed = ApiCalls.ALL.stream().filter(c -> c.site() != null)
                .map(c -> simpleClassName(c.madeBy()) + ": " + c.site()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inCode).as("API calls in src/main/java (left) vs sites listed in ApiCalls (right)")
                .containsExactlyElementsOf(listed);
    }

    /** "dev.loraoperator.reconciler.StatusWriter.write/writeIfCurrent" -> "StatusWriter". */
    private static String simpleClassName(String madeBy) {
        String[] parts = madeBy.split("\\.");
        return parts[parts.length - 2];
    }
}
