package dev.loraoperator.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Runs the real PyYAML (what AI Toolkit loads configs with) on what we write: the values must come back unchanged. */
class PyYamlRoundTripTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TRICKY_STRINGS = {"on", "yes", "no", "off", "On", "NO", "y", "n", "null", "Null",
        "~", "1e-4", "1.0e-4", "[name]", "{a: 1}", "0x1F", "012", "0o17", "0b101", "1:30", "1_000", "true", "False",
        "", " padded ", "a: b", "# not a comment", "- item", "? key", "&anchor", "*alias", "!tag", "%directive",
        "@at", "`tick", "|", ">", "'", "\"", "\\", ".inf", "-.inf", ".nan", "NaN", "2024-01-02", "=", "<<",
        "ünïcödé ✓", "emoji \uD83D\uDE00", "multi\nline\n", "tab\there", "cr\rlf\r\n", "\u2028\u2029\u0085",
        "---", "...", "  ", "123", "-5", "+5", "1.5", "3."};

    @Test
    void trickyValuesComeBackUnchanged() {
        ObjectNode values = NODES.objectNode();
        values.put("lr", 1e-4).put("tiny", 1.0E-10).put("huge", 1e21).put("half", 0.5).put("neg_float", -2.5e7)
                .put("neg_zero", -0.0).put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY)
                .put("minus_inf", Double.NEGATIVE_INFINITY).put("int", 7).put("negative", -42)
                .put("long_max", Long.MAX_VALUE).put("long_min", Long.MIN_VALUE)
                .put("big", new BigInteger("12345678901234567890123")).put("yes_bool", true).put("no_bool", false)
                .putNull("nothing").putObject("empty_map");
        values.putArray("empty_list");
        values.set("nested", Trees.tree("{'n': [[1, 2], [3, [4, 5]], [[]], [{}]]}").get("n"));
        values.set("list_of_maps", Trees.tree("{'l': [{'a': 1, 'b': [true]}, {'c': {'d': 'e'}}, {}]}").get("l"));
        ArrayNode strings = values.putArray("strings");
        ObjectNode keys = values.putObject("keys");
        for (String text : TRICKY_STRINGS) {
            strings.add(text);
            keys.put(text, text);
        }
        keys.put("1", 1).put("with space", "x").put("é", "accent");

        assertRoundTrip(values);
    }

    @Test
    void everyCharacterComesBackUnchanged() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp < 0x3000; cp++) {
            all.appendCodePoint(cp);
        }
        all.append("\uD7FF\uE000\uFEFF\uFFFD\uFFFE\uFFFF\uD83D\uDE00\uDBFF\uDFFF");
        ObjectNode values = NODES.objectNode().put("all", all.toString());
        values.put(all.toString(), "the same characters as a key");

        assertRoundTrip(values);
    }

    @Test
    void longKeysAndValuesComeBackUnchanged() {
        // 1000 characters is the longest key written as a simple "key:" (PyYAML looks 1024 ahead for the ':').
        assertRoundTrip(NODES.objectNode().put("k".repeat(5000), "v".repeat(100_000)).put("s".repeat(1000), 1)
                .set("list", NODES.arrayNode().add(NODES.objectNode().put("é".repeat(1100), 1).put("b", 2))));
    }

    @Test
    void theCheckCatchesAFloatWrittenTheJavaWay() throws Exception {
        // Java (and Jackson's YAML writer) spell 1e21 as 1.0E21; PyYAML needs a signed exponent for a float.
        ObjectNode values = NODES.objectNode().put("lr", 1e21);
        JsonNode loaded = PyYaml.load(new YAMLMapper().writeValueAsString(values));

        assertThat(SameValues.difference(values, loaded))
                .isEqualTo("at $.lr: expected 1.0E21 (DoubleNode) but PyYAML loaded \"1.0E21\" (TextNode)");
        assertThat(SameValues.difference(NODES.objectNode().put("lr", 1e-4), PyYaml.load("lr: 1e-4")))
                .isEqualTo("at $.lr: expected 1.0E-4 (DoubleNode) but PyYAML loaded \"1e-4\" (TextNode)");
        assertThat(SameValues.difference(NODES.objectNode().put("v", "on"), PyYaml.load("v: on")))
                .isEqualTo("at $.v: expected \"on\" (TextNode) but PyYAML loaded true (BooleanNode)");
        assertThat(SameValues.difference(NODES.objectNode().put("v", 1.0), PyYaml.load("v: 1")))
                .isEqualTo("at $.v: expected 1.0 (DoubleNode) but PyYAML loaded 1 (IntNode)");
    }

    @Test
    void aFluxLoraConfigFromYamlTextLoadsInPyYamlAsNormalized() throws Exception {
        String text = Trees.resource("flux-lora.yaml");
        PreparedConfig prepared = new ConfigPreparer(ConfigLimits.defaults()).fromYamlText(text);
        JsonNode loaded = PyYaml.load(prepared.yaml());

        assertThat(SameValues.difference(expectedFlux(), loaded)).isNull();
        assertWhatTheUserMeant(loaded);
    }

    @Test
    void aFluxLoraConfigFromInlineLoadsInPyYamlAsNormalized() throws Exception {
        JsonNode inline = Trees.JSON.readTree(Trees.resource("flux-lora.json"));
        PreparedConfig prepared = new ConfigPreparer(ConfigLimits.defaults()).fromInline(inline);
        JsonNode loaded = PyYaml.load(prepared.yaml());

        assertThat(SameValues.difference(expectedFlux(), loaded)).isNull();
        assertWhatTheUserMeant(loaded);
    }

    /** The user's config as SnakeYAML reads it, with the two paths RunComfy fixes filled in. */
    private static JsonNode expectedFlux() throws InvalidConfigException {
        ObjectNode expected = (ObjectNode) new BoundedYamlReader(ConfigLimits.defaults())
                .read(Trees.resource("flux-lora.yaml"));
        ObjectNode process = Trees.process(expected);
        process.put("training_folder", "/app/ai-toolkit/output");
        ((ObjectNode) process.get("datasets").get(0)).put("folder_path", "/app/ai-toolkit/datasets/my_faces");
        return expected;
    }

    /** Checked against PyYAML's result directly, so the expectation does not rest on our own reader alone. */
    private static void assertWhatTheUserMeant(JsonNode loaded) {
        JsonNode process = loaded.at("/config/process/0");
        assertThat(process.at("/train/lr").isFloatingPointNumber()).isTrue();
        assertThat(process.at("/train/lr").doubleValue()).isEqualTo(1e-4);
        assertThat(process.at("/training_folder").textValue()).isEqualTo("/app/ai-toolkit/output");
        assertThat(process.at("/datasets/0/folder_path").textValue()).isEqualTo("/app/ai-toolkit/datasets/my_faces");
        assertThat(process.at("/datasets/0/resolution").toString()).isEqualTo("[512,768,1024]");
        assertThat(process.at("/sample/neg").textValue()).isEmpty();
        assertThat(loaded.at("/meta/name").textValue()).isEqualTo("[name]");
        assertThat(loaded.at("/meta/version").textValue()).isEqualTo("1.0");
    }

    private static void assertRoundTrip(JsonNode values) {
        String yaml = Yaml11Writer.write(values);
        assertThat(SameValues.difference(values, PyYaml.load(yaml))).as("YAML written:%n%s", yaml).isNull();
    }
}
