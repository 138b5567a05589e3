package dev.loraoperator.sandbox;

import static dev.loraoperator.sandbox.ApiResponses.body;
import static dev.loraoperator.sandbox.ApiResponses.failure;
import static dev.loraoperator.sandbox.ApiResponses.json;
import static dev.loraoperator.sandbox.ApiResponses.notFound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.crdvalidation.CrdValidator;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The Fabric8 mock server's CRUD store with what a real kubectl needs around it: discovery and OpenAPI documents,
 * Tables for {@code kubectl get}, field selectors on any field, NotFound statuses with a message, and custom resources
 * admitted by their CRD's validator before the store sees them ({@link CustomResourceWrites}).
 */
final class SandboxDispatcher extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final List<ServedKind> kinds;
    private final DiscoveryDocuments discovery;
    private final OpenApiDocuments openApi;
    private final TableConverter tables;
    private final List<CrdValidator> validators;
    private final CustomResourceWrites writes = new CustomResourceWrites(crud);

    SandboxDispatcher(List<ServedKind> kinds, List<CrdValidator> validators, Clock clock) {
        this.kinds = List.copyOf(kinds);
        this.validators = List.copyOf(validators);
        this.discovery = new DiscoveryDocuments(kinds);
        this.openApi = new OpenApiDocuments(kinds);
        this.tables = new TableConverter(clock);
    }

    @Override
    public MockResponse dispatch(RecordedRequest received) {
        RecordedRequest request;
        try {
            request = asJson(received);
        } catch (IllegalArgumentException e) {
            return failure(415, "UnsupportedMediaType", e.getMessage());
        }
        String path = request.getPath();
        if (request.method() == HttpMethod.GET) {
            Optional<String> document = discovery.at(path).or(() -> openApi.at(path));
            if (document.isPresent()) {
                return json(200, document.get());
            }
        }
        Optional<ApiPath> api = ApiPath.parse(path);
        if (api.isEmpty()) {
            return crud.dispatch(request);
        }
        ApiPath p = api.get();
        if (request.method() == HttpMethod.GET && !p.isWatch() && p.query().containsKey("fieldSelector")) {
            return shape(request, p, filtered(request, p));
        }
        if (isServerSideApply(request)) {
            return failure(415, "UnsupportedMediaType", "the sandbox API does not support server-side apply;"
                    + " use kubectl apply without --server-side");
        }
        Optional<CrdValidator> validator = validators.stream()
                .filter(v -> v.group().equals(p.group()) && v.plural().equals(p.plural())).findFirst();
        if (validator.isPresent() && isWrite(request.method())) {
            return writes.write(request, p, validator.get(), kindAt(p).map(ServedKind::statusSubresource).orElse(false));
        }
        MockResponse response = crud.dispatch(asMergePatch(request));
        if (response.code() == 404 && (response.getBody() == null || response.getBody().size() == 0)) {
            return notFound(p);
        }
        return request.method() == HttpMethod.GET && !p.isWatch() ? shape(request, p, response) : response;
    }

    /** How the HTTP front must shape the events of this watch request (see {@link WatchEvents}). */
    WatchEvents watchEvents(RecordedRequest request) {
        Optional<ApiPath> path = ApiPath.parse(request.getPath());
        Optional<ServedKind> kind = path.flatMap(this::kindAt);
        Map<String, String> query = path.map(ApiPath::query).orElse(Map.of());
        BiFunction<JsonNode, String, ObjectNode> table = TableConverter.wanted(request.getHeader("Accept"))
                && kind.isPresent() ? (object, include) -> tables.table(kind.get(), object, include) : null;
        if (kind.isPresent() && "true".equals(query.get("sendInitialEvents"))) {
            return initialEvents(request, path.get(), kind.get(), table);
        }
        return new WatchEvents(WatchEvents.replayedUpTo(query.get("resourceVersion")), List.of(),
                query.get("includeObject"), table);
    }

    /**
     * A watch-list (sendInitialEvents=true, as kubectl wait asks): the current objects from a list made now, then
     * the bookmark annotated k8s.io/initial-events-end; the store's own replay of the same objects is dropped.
     */
    private WatchEvents initialEvents(RecordedRequest request, ApiPath p, ServedKind kind,
            BiFunction<JsonNode, String, ObjectNode> table) {
        Set<String> watchOnly = Set.of("watch", "sendInitialEvents", "resourceVersion", "resourceVersionMatch",
                "allowWatchBookmarks", "timeoutSeconds");
        String listPath = p.pathWithout(request.getPath(), watchOnly);
        JsonNode list = body(dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.GET, listPath,
                Headers.builder().build(), new io.fabric8.mockwebserver.http.Buffer())));
        String version = list == null ? "0" : list.path("metadata").path("resourceVersion").asText("0");
        List<String> initial = new ArrayList<>();
        if (list != null) {
            list.path("items").forEach(item -> initial.add(event("ADDED", item)));
        }
        ObjectNode bookmark = JSON.createObjectNode().put("kind", kind.kind()).put("apiVersion", kind.groupVersion());
        bookmark.putObject("metadata").put("resourceVersion", version).putObject("annotations")
                .put("k8s.io/initial-events-end", "true");
        initial.add(event("BOOKMARK", bookmark));
        return new WatchEvents(WatchEvents.replayedUpTo(version), initial, p.query().get("includeObject"), table);
    }

    private static String event(String type, JsonNode object) {
        ObjectNode event = JSON.createObjectNode().put("type", type);
        event.set("object", object);
        return event.toString();
    }

    private Optional<ServedKind> kindAt(ApiPath p) {
        return kinds.stream().filter(k -> k.servedAt(p.group(), p.version(), p.plural())).findFirst();
    }

    /** Lists without the selector (the CRUD store would match nothing), then keeps the items that match it. */
    private MockResponse filtered(RecordedRequest request, ApiPath p) {
        FieldSelector selector;
        try {
            selector = FieldSelector.parse(p.query().get("fieldSelector"));
        } catch (IllegalArgumentException e) {
            return failure(400, "BadRequest", e.getMessage());
        }
        String path = p.pathWithout(request.getPath(), Set.of("fieldSelector"));
        MockResponse response = crud.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), path,
                request.getHeaders(), request.getBody()));
        JsonNode body = body(response);
        if (response.code() != 200 || body == null) {
            return response;
        }
        if (!body.has("items")) {
            return selector.matches(body) ? response : notFound(p);
        }
        ArrayNode kept = JSON.createArrayNode();
        body.path("items").forEach(item -> {
            if (selector.matches(item)) {
                kept.add(item);
            }
        });
        ((ObjectNode) body).set("items", kept);
        return json(200, body.toString());
    }

    /** Lists get their real kind (EventList, not List): kubectl's typed clients decode nothing from a bare List. */
    private MockResponse shape(RecordedRequest request, ApiPath p, MockResponse response) {
        Optional<ServedKind> kind = kindAt(p);
        JsonNode body = response.code() == 200 && kind.isPresent() && p.subresource() == null
                ? sorted(body(response)) : null;
        if (body == null) {
            return response;
        }
        if (TableConverter.wanted(request.getHeader("Accept"))) {
            return json(200, tables.table(kind.get(), body, p.query().get("includeObject")).toString());
        }
        if (body.has("items")) {
            ((ObjectNode) body).put("apiVersion", kind.get().groupVersion()).put("kind", kind.get().kind() + "List");
            return json(200, body.toString());
        }
        return response;
    }

    /** A real server lists in key order (namespace, name); the CRUD store lists in order of last change. */
    private static JsonNode sorted(JsonNode body) {
        if (body != null && body.has("items")) {
            List<JsonNode> items = new ArrayList<>();
            body.path("items").forEach(items::add);
            items.sort(Comparator.comparing((JsonNode i) -> i.path("metadata").path("namespace").asText())
                    .thenComparing(i -> i.path("metadata").path("name").asText()));
            ((ObjectNode) body).set("items", JSON.createArrayNode().addAll(items));
        }
        return body;
    }

    /** kubectl sends built-in kinds it creates (Secrets, ConfigMaps, namespaces) as protobuf; the store reads JSON. */
    private static RecordedRequest asJson(RecordedRequest request) {
        if (!ProtobufObjects.isProtobuf(request.getHeader("Content-Type")) || request.getBody() == null) {
            return request;
        }
        ObjectNode object = ProtobufObjects.toJson(request.getBody().getBytes());
        if ("Secret".equals(object.path("kind").asText()) && !object.has("type")) {
            object.put("type", "Opaque");  // kube-apiserver's default, which kubectl create secret generic relies on
        }
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
                request.getHeaders().newBuilder().set("Content-Type", "application/json").build(),
                new io.fabric8.mockwebserver.http.Buffer(ProtobufObjects.jsonBytes(object)));
    }

    /**
     * kubectl patches built-in kinds (a ConfigMap applied twice) with strategic merge patches, which the CRUD store
     * refuses with 415. For maps, which is what a ConfigMap holds, a JSON merge patch does the same.
     */
    private static RecordedRequest asMergePatch(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        if (request.method() != HttpMethod.PATCH || type == null || !type.startsWith("application/strategic-merge-patch")) {
            return request;
        }
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
                request.getHeaders().newBuilder().set("Content-Type", "application/merge-patch+json").build(),
                request.getBody());
    }

    private static boolean isWrite(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    /** The CRUD store cannot do it and would answer "not found" or a bare 415; say what is missing instead. */
    private static boolean isServerSideApply(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        return request.method() == HttpMethod.PATCH && type != null && type.startsWith("application/apply-patch");
    }
}
