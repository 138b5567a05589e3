package dev.loraoperator.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The mock API server's CRUD store, able to hold one status write of a named LoraTrainingJob: the write is stored
 * (or dropped) and its answer does not come, so the operator's reconcile thread waits exactly between that write and
 * whatever it would do next. That is the window a crash test kills the operator in.
 */
final class HoldingDispatcher extends Dispatcher {

    /** Longer than any crash test: the answer of a held write never reaches a live operator. */
    private static final Duration HELD = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What happens to the held write itself. */
    enum Effect {
        /** Stored as usual, only the answer is held: the operator cannot tell whether it succeeded. */
        STORED,
        /** Never stored: the write is lost, as when the API server or the network fails under it. */
        LOST
    }

    /** One held status write; {@link #status()} completes with the status the operator sent when it arrives. */
    static final class Hold {
        private final String name;
        private final Predicate<JsonNode> matches;
        private final Effect effect;
        private final CompletableFuture<JsonNode> arrived = new CompletableFuture<>();

        private Hold(String name, Predicate<JsonNode> matches, Effect effect) {
            this.name = name;
            this.matches = matches;
            this.effect = effect;
        }

        CompletableFuture<JsonNode> status() {
            return arrived;
        }
    }

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final List<Hold> holds = new CopyOnWriteArrayList<>();

    /** Holds the next status write of LoraTrainingJob {@code name} whose status matches; once only. */
    Hold holdStatusWrite(String name, Predicate<JsonNode> matches, Effect effect) {
        Hold hold = new Hold(name, matches, effect);
        holds.add(hold);
        return hold;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Hold hold = null;
        JsonNode status = null;
        if (!holds.isEmpty() && isStatusWrite(request)) {
            // getBytes() leaves the body in place for the CRUD store
            status = read(request.getBody().getBytes()).path("status");
            for (Hold h : holds) {
                if (request.getPath().contains("/loratrainingjobs/" + h.name + "/status") && h.matches.test(status)
                        && holds.remove(h)) {
                    hold = h;
                    break;
                }
            }
        }
        if (hold == null) {
            return crud.dispatch(request);
        }
        MockResponse response = hold.effect == Effect.STORED ? crud.dispatch(request)
                : new MockResponse().setResponseCode(503).setBody("{\"kind\":\"Status\",\"code\":503}");
        hold.arrived.complete(status);
        // a timer of the server's event loop, not a sleep: every other request is served meanwhile
        return response.setBodyDelay(HELD);
    }

    private static boolean isStatusWrite(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getPath();
        int query = path.indexOf('?');
        return ("PUT".equals(method) || "PATCH".equals(method)) && request.getBody() != null
                && (query < 0 ? path : path.substring(0, query)).endsWith("/status");
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
