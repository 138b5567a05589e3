package dev.loraoperator.config;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Loads YAML with the real PyYAML safe_load (what AI Toolkit uses) and returns the values as a Jackson tree. */
final class PyYaml {

    /** NaN and infinities have no JSON form, so they come back as {"$float": "nan" | "inf" | "-inf"}. */
    private static final String SCRIPT = """
            import json, math, sys
            import yaml
            def plain(v):
                if isinstance(v, bool) or v is None or isinstance(v, (int, str)):
                    return v
                if isinstance(v, float):
                    if math.isnan(v):
                        return {"$float": "nan"}
                    if math.isinf(v):
                        return {"$float": "inf" if v > 0 else "-inf"}
                    return v
                if isinstance(v, list):
                    return [plain(x) for x in v]
                if isinstance(v, dict):
                    for k in v:
                        if not isinstance(k, str):
                            sys.exit("PyYAML loaded a non-string key %r" % (k,))
                    return {k: plain(x) for k, x in v.items()}
                sys.exit("PyYAML loaded an unexpected %s: %r" % (type(v).__name__, v))
            print(json.dumps(plain(yaml.safe_load(sys.stdin.buffer))))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PyYaml() {
    }

    static JsonNode load(String yaml) {
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", SCRIPT).start();
        } catch (IOException e) {
            // Deliberately a failure, not a skip: without this check a broken writer would ship silently.
            return fail("python3 with PyYAML is required for this test (Debian: apt-get install python3-yaml): " + e);
        }
        try {
            try (OutputStream in = python.getOutputStream()) {
                in.write(yaml.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = python.getInputStream().readAllBytes();
            String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!python.waitFor(60, TimeUnit.SECONDS)) {
                python.destroyForcibly();
                return fail("PyYAML did not finish within 60 s");
            }
            if (python.exitValue() != 0) {
                String hint = err.contains("No module named 'yaml'")
                        ? "PyYAML is required for this test (Debian: apt-get install python3-yaml). " : "";
                return fail(hint + "PyYAML could not load the YAML:\n" + err + "\n--- YAML ---\n" + yaml);
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            return fail("talking to python3 failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for python3");
        }
    }
}
