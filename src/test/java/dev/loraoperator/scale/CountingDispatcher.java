package dev.loraoperator.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The mock API server's CRUD store, observed from inside: it counts every request of the operator by verb and
 * resource, and notes when each LoraTrainingJob's status first said Succeeded. The benchmark reads both from
 * {@code /bench/...} paths, so it never has to list objects to learn them. It also answers the permission check
 * that leader election makes at start (a SelfSubjectRulesReview, which the CRUD store cannot), as for an admin.
 */
final class CountingDispatcher extends Dispatcher {

    /** The User-Agent of the benchmark's own Kubernetes client, whose requests are served but not counted. */
    static final String BENCH_AGENT = "lora-bench";
    static final String COUNTS_PATH = "/bench/counts";
    static final String SUCCEEDED_PATH = "/bench/succeeded";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES_REVIEW = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
    private static final String ALL_ALLOWED = """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","spec":{},
             "status":{"incomplete":false,"nonResourceRules":[],
                       "resourceRules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]}}""";

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, Succeeded> succeeded = new ConcurrentHashMap<>();

    /** When a resource's status first said Succeeded, as the server stored it, and the remote job it names. */
    record Succeeded(long at, String jobId) {
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if (path.startsWith("/bench/")) {
            return report(path);
        }
        long now = System.currentTimeMillis();
        Optional<KubeRequest> parsed = KubeRequest.parse(request.getMethod(), path);
        boolean jobWrite = parsed.filter(r -> r.isWrite() && r.name() != null
                && r.resource().startsWith("loratrainingjobs")).isPresent();
        // read before dispatching: the CRUD store consumes the body; getBytes() leaves it in place
        String body = jobWrite && request.getBody() != null
                ? new String(request.getBody().getBytes(), StandardCharsets.UTF_8) : "";
        MockResponse response = path.startsWith(RULES_REVIEW)
                ? new MockResponse().setResponseCode(201).setBody(ALL_ALLOWED)
                : crud.dispatch(request);
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.startsWith(BENCH_AGENT)) {
            return response;
        }
        counts.computeIfAbsent(parsed.map(KubeRequest::key).orElse(request.getMethod() + " " + path),
                k -> new LongAdder()).increment();
        // look inside only the writes that mention the phase: the server must not parse every answer
        if (jobWrite && body.contains("Succeeded")) {
            noteSucceeded(parsed.get().name(), response, now);
        }
        return response;
    }

    private void noteSucceeded(String name, MockResponse response, long at) {
        if (succeeded.containsKey(name) || response.code() / 100 != 2 || response.getBody() == null) {
            return;
        }
        JsonNode status = read(response.getBody().getBytes()).path("status");
        if ("Succeeded".equals(status.path("phase").asText())) {
            succeeded.putIfAbsent(name, new Succeeded(at, status.path("jobId").asText(null)));
        }
    }

    private MockResponse report(String path) {
        Object body;
        if (path.equals(COUNTS_PATH)) {
            Map<String, Long> snapshot = new TreeMap<>();
            counts.forEach((k, v) -> snapshot.put(k, v.sum()));
            body = Map.of("requests", snapshot, "succeeded", succeeded.size());
        } else if (path.equals(SUCCEEDED_PATH)) {
            body = Map.copyOf(succeeded);
        } else {
            return new MockResponse().setResponseCode(404);
        }
        try {
            return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
