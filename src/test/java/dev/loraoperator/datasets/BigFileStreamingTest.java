package dev.loraoperator.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 2 GiB file goes from a web server through a URL source and the dataset client into the simulator's object
 * store, in a JVM whose heap is capped at 256 MiB: the bytes stream, nothing holds the file whole.
 */
class BigFileStreamingTest {
    private static final long TWO_GIB = 2L * 1024 * 1024 * 1024;

    @Test
    void aTwoGibFileStreamsThroughAHeapOf256Mib() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", classpath,
                BigFileUpload.class.getName(), Long.toString(TWO_GIB))).redirectErrorStream(true).start();
        String output;
        try {
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the upload finished").isTrue();
        } finally {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).as(output).containsPattern("OK " + TWO_GIB + " [0-9a-f]{64} maxHeap=\\d+");
        long maxHeap = Long.parseLong(output.replaceAll("(?s).*maxHeap=(\\d+).*", "$1"));
        assertThat(maxHeap).isLessThanOrEqualTo(256L * 1024 * 1024);
    }
}
