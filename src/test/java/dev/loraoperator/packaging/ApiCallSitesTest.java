package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ApiCalls lists every call our code makes to the Kubernetes API, as the compiled operator (target/classes) really
 * makes them: a new call fails this test until it is listed there, and so reaches the RBAC rules
 * (RbacMatchesApiCallsTest); a listed call the code no longer makes fails it too.
 */
class ApiCallSitesTest {
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void everyApiCallInTheCompiledOperatorIsListedInApiCalls() {
        ApiCallScan.Result scan = ApiCallScan.scan(ApiCallScan.classFiles(CLASSES), LoraTrainingJob.class);
        assertThat(scan.unresolved()).as("API calls the scan could not pin to a resource and verb").isEmpty();
        Set<String> listed = ApiCalls.ALL.stream().filter(ApiCalls.ApiCall::ourCode)
                .map(c -> new ApiCallScan.Call(c.group(), c.resource(), c.verb()).toString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inCode = scan.calls().stream().map(ApiCallScan.Call::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inCode).as("API calls in target/classes (left) vs ApiCalls made by our code (right); made at "
                + scan.sites()).containsExactlyElementsOf(listed);
    }
}
