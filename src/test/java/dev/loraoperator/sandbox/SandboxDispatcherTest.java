package dev.loraoperator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.api.CrdFiles;
import dev.loraoperator.crdvalidation.CrdValidator;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the sandbox API adds to the CRUD store for kubectl, all derived from the committed CRD. */
class SandboxDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    private static final String LTJ = "/apis/training.lora-operator.dev/v1alpha1/namespaces/default/loratrainingjobs";

    private static final String GOOD_SPEC = "{\"gpuType\":\"ADA_80_PLUS\",\"config\":{\"job\":\"extension\"}}";

    private final JsonNode crd = CrdFile.read(Path.of("crds", CrdFiles.FILE));
    private final SandboxDispatcher api = new SandboxDispatcher(kinds(), List.of(CrdValidator.of(crd)),
            Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(150), ZoneOffset.UTC));

    @Test
    void discoveryNamesTheKindAsTheCrdDoes() throws Exception {
        JsonNode resources = body(get("/apis/training.lora-operator.dev/v1alpha1", null));
        JsonNode ltj = resources.at("/resources/0");
        assertThat(ltj.get("name").asText()).isEqualTo(crd.at("/spec/names/plural").asText());
        assertThat(ltj.get("kind").asText()).isEqualTo(crd.at("/spec/names/kind").asText());
        assertThat(ltj.get("shortNames").get(0).asText()).isEqualTo("ltj");
        assertThat(ltj.get("namespaced").asBoolean()).isTrue();
        assertThat(resources.at("/resources/1/name").asText()).isEqualTo("loratrainingjobs/status");
        assertThat(body(get("/apis", null)).findValuesAsText("groupVersion"))
                .contains("training.lora-operator.dev/v1alpha1", "apiextensions.k8s.io/v1");
        assertThat(body(get("/api/v1", null)).findValuesAsText("name"))
                .contains("namespaces", "secrets", "configmaps", "events");
        assertThat(body(get("/version", null)).get("minor").asText()).isEqualTo("35");
    }

    @Test
    void openApiSaysPatchTakesFieldValidationAndCarriesTheCrdSchema() throws Exception {
        String url = body(get("/openapi/v3", null))
                .at("/paths/apis~1training.lora-operator.dev~1v1alpha1/serverRelativeURL").asText();
        JsonNode doc = body(get(url, null));
        JsonNode patch = doc.at("/paths/" + "~1apis~1training.lora-operator.dev~1v1alpha1~1namespaces~1{namespace}"
                + "~1loratrainingjobs~1{name}/patch");
        assertThat(patch.at("/x-kubernetes-group-version-kind/kind").asText()).isEqualTo("LoraTrainingJob");
        assertThat(patch.get("parameters").findValuesAsText("name")).contains("fieldValidation");
        assertThat(patch.at("/requestBody/content").has("application/strategic-merge-patch+json")).isFalse();
        JsonNode schema = doc.at("/components/schemas/dev.lora-operator.training.v1alpha1.LoraTrainingJob");
        assertThat(schema.at("/properties/spec")).isEqualTo(
                crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec"));
    }

    @Test
    void kubectlGetReceivesATableWithTheCrdPrinterColumns() throws Exception {
        create(LTJ, job("flux-lora", GOOD_SPEC));
        // status is the status subresource's: a create drops it, a status write sets it
        assertThat(api.dispatch(request(HttpMethod.PATCH, LTJ + "/flux-lora/status", "{\"status\":{\"phase\":"
                + "\"Running\",\"jobId\":\"j-1\",\"progress\":{\"summary\":\"5/10 (50%)\"}}}", null)).code())
                .isEqualTo(200);

        JsonNode table = body(get(LTJ, TABLE));

        assertThat(table.get("kind").asText()).isEqualTo("Table");
        List<String> columns = new ArrayList<>();
        table.get("columnDefinitions").forEach(c -> columns.add(c.get("name").asText()));
        List<String> fromCrd = new ArrayList<>(List.of("Name"));
        crd.at("/spec/versions/0/additionalPrinterColumns").forEach(c -> fromCrd.add(c.get("name").asText()));
        assertThat(columns).isEqualTo(fromCrd);
        // the mock store keeps the status a create sends (no status subresource registered here)
        JsonNode cells = table.at("/rows/0/cells");
        assertThat(cells.toString()).startsWith("[\"flux-lora\",\"Running\",\"ADA_80_PLUS\",\"5/10 (50%)\",\"j-1\",");
        // 150s after the store's (second-truncated) creation time, or 149s if a second ticked over meanwhile
        assertThat(cells.get(cells.size() - 1).asText()).as("Age, the last column").isIn("2m30s", "149s");
        assertThat(table.at("/rows/0/object/kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(body(get(LTJ + "/flux-lora", TABLE)).at("/rows/0/cells/0").asText()).isEqualTo("flux-lora");
        assertThat(body(get(LTJ, "application/json")).get("kind").asText()).isEqualTo("LoraTrainingJobList");
    }

    @Test
    void eventsAreSelectedByInvolvedObjectAsKubectlDescribeAsks() throws Exception {
        String events = "/api/v1/namespaces/default/events";
        create(events, event("e1", "flux-lora", "uid-1"));
        create(events, event("e2", "other", "uid-2"));

        JsonNode list = body(get(events + "?fieldSelector=involvedObject.name%3Dflux-lora%2C"
                + "involvedObject.namespace%3Ddefault%2CinvolvedObject.uid%3Duid-1&limit=500", null));

        assertThat(list.get("kind").asText()).isEqualTo("EventList");
        assertThat(list.get("items").findValuesAsText("name")).contains("e1").doesNotContain("e2", "other");
        assertThat(body(get(events + "?fieldSelector=involvedObject.name!%3Dflux-lora", null))
                .get("items")).hasSize(1);
    }

    @Test
    void kubectlGetEventsNamesTheKindAndNameOfEachEventsObject() throws Exception {
        create("/api/v1/namespaces/default/events", event("e1", "flux-lora", "uid-1"));

        JsonNode table = body(get("/api/v1/namespaces/default/events", TABLE));

        List<String> columns = new ArrayList<>();
        table.get("columnDefinitions").forEach(c -> columns.add(c.get("name").asText()));
        assertThat(table.at("/rows/0/cells/" + columns.indexOf("Object")).asText())
                .isEqualTo("loratrainingjob/flux-lora");
    }

    @Test
    void aMissingObjectIsANotFoundStatusNamingIt() throws Exception {
        MockResponse response = get(LTJ + "/nope", null);

        assertThat(response.code()).isEqualTo(404);
        assertThat(body(response).get("message").asText())
                .isEqualTo("loratrainingjobs.training.lora-operator.dev \"nope\" not found");
        assertThat(body(response).get("reason").asText()).isEqualTo("NotFound");
    }

    @Test
    void serverSideApplyIsRefusedWithAMessageThatSaysSo() throws Exception {
        RecordedRequest apply = new RecordedRequest("HTTP/1.1", HttpMethod.PATCH, LTJ + "/flux-lora?fieldManager=kubectl",
                Headers.builder().add("Content-Type", "application/apply-patch+yaml").build(), new Buffer(new byte[0]));

        MockResponse response = api.dispatch(apply);

        assertThat(response.code()).isEqualTo(415);
        assertThat(body(response).get("message").asText()).contains("does not support server-side apply");
    }

    @Test
    void aWatchListStartsWithTheObjectsAndTheInitialEventsEndBookmark() throws Exception {
        create(LTJ, job("flux-lora", GOOD_SPEC));
        RecordedRequest watch = request(HttpMethod.GET, LTJ + "?allowWatchBookmarks=true&fieldSelector="
                + "metadata.name%3Dflux-lora&resourceVersionMatch=NotOlderThan&sendInitialEvents=true&watch=true",
                null, null);

        WatchEvents events = api.watchEvents(watch);

        assertThat(events.initial()).hasSize(2);
        assertThat(JSON.readTree(events.initial().get(0)).at("/object/metadata/name").asText()).isEqualTo("flux-lora");
        JsonNode bookmark = JSON.readTree(events.initial().get(1));
        assertThat(bookmark.get("type").asText()).isEqualTo("BOOKMARK");
        assertThat(bookmark.at("/object/metadata/annotations/k8s.io~1initial-events-end").asText()).isEqualTo("true");
        // the store's replay of the same object is not sent twice
        String replay = "{\"type\":\"ADDED\",\"object\":" + body(get(LTJ + "/flux-lora", null)) + "}";
        assertThat(events.line(replay)).isNull();
    }

    @Test
    void aCustomResourceTheCrdRefusesIsAnsweredAsKubeApiserverAnswers() throws Exception {
        MockResponse refused = api.dispatch(request(HttpMethod.POST, LTJ,
                job("bad", "{\"gpuType\":\"FOO\",\"config\":{}}"), null));

        assertThat(refused.code()).isEqualTo(422);
        JsonNode status = body(refused);
        assertThat(status.get("reason").asText()).isEqualTo("Invalid");
        assertThat(status.get("message").asText()).startsWith("LoraTrainingJob.training.lora-operator.dev \"bad\" is"
                + " invalid: [spec.gpuType: Unsupported value: \"FOO\": supported values: \"ADA_80_PLUS\", \"HOPPER_141\"");
        assertThat(status.at("/details/causes/0/reason").asText()).isEqualTo("FieldValueNotSupported");
        assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("spec.gpuType");
        assertThat(status.at("/details/kind").asText()).isEqualTo("LoraTrainingJob");
        assertThat(get(LTJ + "/bad", null).code()).isEqualTo(404);
    }

    @Test
    void aPatchIsJudgedByTheObjectItWouldLeaveAndARefusedOneChangesNothing() throws Exception {
        create(LTJ, job("flux-lora", GOOD_SPEC));
        String both = "{\"spec\":{\"configFrom\":{\"configMapKeyRef\":{\"name\":\"c\",\"key\":\"k\"}}}}";

        MockResponse refused = api.dispatch(request(HttpMethod.PATCH, LTJ + "/flux-lora", both, null,
                "application/merge-patch+json"));
        MockResponse jsonPatch = api.dispatch(request(HttpMethod.PATCH, LTJ + "/flux-lora",
                "[{\"op\":\"replace\",\"path\":\"/spec/gpuCount\",\"value\":8},"
                        + "{\"op\":\"replace\",\"path\":\"/spec/gpuType\",\"value\":\"HOPPER_141\"}]", null,
                "application/json-patch+json"));

        assertThat(body(refused).get("message").asText()).endsWith("spec: Invalid value: set exactly one of config or configFrom");
        assertThat(body(jsonPatch).get("message").asText())
                .endsWith("spec: Invalid value: gpuCount 8 is only available with gpuType ADA_80_PLUS");
        JsonNode stored = body(get(LTJ + "/flux-lora", null));
        assertThat(stored.at("/spec/configFrom").isMissingNode()).isTrue();
        assertThat(stored.at("/spec/gpuType").asText()).isEqualTo("ADA_80_PLUS");
    }

    @Test
    void aStatusWriteIsValidatedAgainstTheStatusSchema() throws Exception {
        create(LTJ, job("flux-lora", GOOD_SPEC));

        MockResponse refused = api.dispatch(request(HttpMethod.PATCH, LTJ + "/flux-lora/status",
                "{\"status\":{\"phase\":\"Exploded\"}}", null));

        assertThat(refused.code()).isEqualTo(422);
        assertThat(body(refused).at("/details/causes/0/field").asText()).isEqualTo("status.phase");
        assertThat(body(get(LTJ + "/flux-lora", null)).has("status")).isFalse();
    }

    @Test
    void defaultsAreFilledInAndUnknownFieldsDroppedWithAWarningOrRefusedWhenStrict() throws Exception {
        String withExtra = job("flux-lora", "{\"gpuType\":\"ADA_80_PLUS\",\"config\":{\"job\":\"x\"},\"colour\":1}");

        MockResponse strict = api.dispatch(request(HttpMethod.POST, LTJ + "?fieldValidation=Strict", withExtra, null));
        MockResponse warned = api.dispatch(request(HttpMethod.POST, LTJ, withExtra, null));

        assertThat(strict.code()).isEqualTo(400);
        assertThat(body(strict).get("message").asText()).isEqualTo("LoraTrainingJob in version \"v1alpha1\" cannot be"
                + " handled as a LoraTrainingJob: strict decoding error: unknown field \"spec.colour\"");
        assertThat(warned.code()).isEqualTo(201);
        assertThat(warned.getHeaders().get("Warning")).isEqualTo("299 - \"unknown field \\\"spec.colour\\\"\"");
        JsonNode stored = body(get(LTJ + "/flux-lora", null));
        assertThat(stored.at("/spec/colour").isMissingNode()).isTrue();
        assertThat(stored.at("/spec/gpuCount").asInt()).isEqualTo(1);
        assertThat(stored.at("/spec/deletionPolicy").asText()).isEqualTo("Cancel");
        assertThat(stored.at("/spec/config/job").asText()).as("config preserves unknown fields").isEqualTo("x");
    }

    @Test
    void agesReadAsKubectlShowsThem() {
        assertThat(HumanDuration.of(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(HumanDuration.of(Duration.ofSeconds(150))).isEqualTo("2m30s");
        assertThat(HumanDuration.of(Duration.ofMinutes(45))).isEqualTo("45m");
        assertThat(HumanDuration.of(Duration.ofMinutes(185))).isEqualTo("3h5m");
        assertThat(HumanDuration.of(Duration.ofHours(50))).isEqualTo("2d2h");
        assertThat(HumanDuration.of(Duration.ofDays(400))).isEqualTo("400d");
        assertThat(HumanDuration.of(Duration.ofSeconds(-1))).isEqualTo("0s");
    }

    private List<ServedKind> kinds() {
        List<ServedKind> kinds = new ArrayList<>(CoreKinds.all());
        kinds.add(CrdFile.servedKind(crd));
        return kinds;
    }

    private static String event(String name, String object, String uid) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"" + name + "\"},"
                + "\"involvedObject\":{\"kind\":\"LoraTrainingJob\",\"name\":\"" + object
                + "\",\"namespace\":\"default\",\"uid\":\"" + uid + "\"},\"reason\":\"Submitted\"}";
    }

    private void create(String path, String json) {
        assertThat(api.dispatch(request(HttpMethod.POST, path, json, null)).code()).isEqualTo(201);
    }

    private MockResponse get(String path, String accept) {
        return api.dispatch(request(HttpMethod.GET, path, null, accept));
    }

    private static String job(String name, String spec) {
        return "{\"apiVersion\":\"training.lora-operator.dev/v1alpha1\",\"kind\":\"LoraTrainingJob\","
                + "\"metadata\":{\"name\":\"" + name + "\"},\"spec\":" + spec + "}";
    }

    private static RecordedRequest request(HttpMethod method, String path, String body, String accept) {
        return request(method, path, body, accept, method == HttpMethod.PATCH ? "application/merge-patch+json"
                : "application/json");
    }

    private static RecordedRequest request(HttpMethod method, String path, String body, String accept,
            String contentType) {
        Headers.Builder headers = Headers.builder();
        if (accept != null) {
            headers.add("Accept", accept);
        }
        if (body != null) {
            headers.add("Content-Type", contentType);
        }
        return new RecordedRequest("HTTP/1.1", method, path, headers.build(),
                new Buffer(body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode body(MockResponse response) throws Exception {
        return JSON.readTree(response.getBody().getBytes());
    }
}
