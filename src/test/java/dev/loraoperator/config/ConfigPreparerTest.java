package dev.loraoperator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigPreparerTest {

    private static final ConfigPreparer PREPARER = new ConfigPreparer(ConfigLimits.defaults());

    @Test
    void aYamlConfigIsPreparedWithNameHashAndAdjustments() throws Exception {
        PreparedConfig prepared = PREPARER.fromYamlText(Trees.resource("flux-lora.yaml"));

        assertThat(prepared.name()).isEqualTo("my_first_flux_lora_v1");
        assertThat(prepared.hash()).isEqualTo(ConfigHash.of(prepared.yaml())).matches("[0-9a-f]{16}");
        assertThat(prepared.adjustments()).containsExactly(
                "config.process[0].training_folder set to /app/ai-toolkit/output (was \"output\")",
                "config.process[0].datasets[0].folder_path expanded to /app/ai-toolkit/datasets/my_faces");
        assertThat(prepared.yaml()).startsWith("job: \"extension\"\nconfig:\n  name: \"my_first_flux_lora_v1\"\n")
                .contains("        lr: 1.0e-4\n", "  version: \"1.0\"\n");
    }

    @Test
    void thousandsOfBadDatasetEntriesGiveTheFirstTwentyAndACount() throws Exception {
        ObjectNode config = (ObjectNode) Trees.JSON.readTree(Trees.resource("flux-lora.json"));
        ArrayNode datasets = ((ObjectNode) config.at("/config/process/0")).putArray("datasets");
        for (int i = 0; i < 5_000; i++) {
            datasets.addObject().put("folder_path", "../escape/" + i);
        }
        InvalidConfigException rejected = rejected(() -> PREPARER.fromInline(config));
        assertThat(rejected.count()).isEqualTo(5_000);
        assertThat(rejected.problems()).hasSize(21).last().isEqualTo("and 4980 more problems");
        assertThat(rejected.problems().get(19)).startsWith("config.process[0].datasets[19].folder_path");
        assertThat(rejected.getMessage()).startsWith("5000 problems: config.process[0].datasets[0].folder_path")
                .endsWith("; and 4980 more problems").hasSizeLessThan(4_096);
    }

    @Test
    void twentyProblemsAreAllListedWithoutACount() {
        List<String> twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "problem " + i).toList();
        InvalidConfigException rejected = new InvalidConfigException(twenty);
        assertThat(rejected.problems()).isEqualTo(twenty);
        assertThat(rejected.getMessage()).endsWith("; problem 19");
    }

    @Test
    void theSameConfigInlineOrAsYamlGivesTheSameTextAndHash() throws Exception {
        PreparedConfig fromYaml = PREPARER.fromYamlText(Trees.resource("flux-lora.yaml"));
        PreparedConfig inline = PREPARER.fromInline(Trees.JSON.readTree(Trees.resource("flux-lora.json")));

        assertThat(inline).isEqualTo(fromYaml);
    }

    @Test
    void preparingTheSubmittedYamlAgainChangesNothing() throws Exception {
        PreparedConfig first = PREPARER.fromYamlText(Trees.resource("flux-lora.yaml"));
        PreparedConfig again = PREPARER.fromYamlText(first.yaml());

        assertThat(again.yaml()).isEqualTo(first.yaml());
        assertThat(again.hash()).isEqualTo(first.hash());
        assertThat(again.adjustments()).isEmpty();
    }

    @Test
    void anInlineConfigIsNotMutated() throws Exception {
        JsonNode inline = Trees.JSON.readTree(Trees.resource("flux-lora.json"));
        JsonNode before = inline.deepCopy();

        PREPARER.fromInline(inline);

        assertThat(inline).isEqualTo(before);
    }

    @Test
    void everyRuleProblemIsReported() {
        InvalidConfigException rejected = rejected(() -> PREPARER.fromYamlText(
                "job: extension\nconfig:\n  process:\n    - training_folder: /data\n      model: {}\n"));

        assertThat(rejected.problems()).containsExactly("config.name is required",
                "config.process[0].type is required", "config.process[0].model.name_or_path is required",
                "config.process[0].training_folder must be /app/ai-toolkit/output or a relative path (got \"/data\")");
        assertThat(rejected).hasMessage("4 problems: " + String.join("; ", rejected.problems()));
    }

    @Test
    void anInlineConfigNestedTooDeeplyIsRejected() {
        ObjectNode config = Trees.valid();
        ObjectNode deep = config.putObject("meta");
        for (int i = 0; i < 70; i++) {
            deep = deep.putObject("x");
        }

        assertThat(rejected(() -> PREPARER.fromInline(config)).problems())
                .containsExactly("meta" + ".x".repeat(63) + " is nested deeper than 64 levels");
    }

    @Test
    void anInlineConfigWithTooManyValuesIsRejected() {
        ObjectNode config = Trees.valid();
        ArrayNode many = config.putArray("many");
        for (int i = 0; i < 10; i++) {
            many.add(i);
        }
        ConfigPreparer small = new ConfigPreparer(new ConfigLimits(262_144, 64, 50, 20));

        assertThat(rejected(() -> small.fromInline(config)).problems())
                .containsExactly("the config has more than 20 values (each use of a YAML alias counts)");
    }

    @Test
    void missingInputIsAProblemNotACrash() {
        assertThat(rejected(() -> PREPARER.fromInline(null)).problems())
                .containsExactly("the config must be a mapping (got nothing)");
        assertThat(rejected(() -> PREPARER.fromYamlText(null)).problems())
                .containsExactly("the config YAML is missing");
    }

    @Test
    void anInlineConfigWithListsNestedTooDeeplyIsRejected() {
        ObjectNode config = Trees.valid();
        ArrayNode deep = config.putArray("meta");
        for (int i = 0; i < 70; i++) {
            deep = deep.addArray();
        }

        assertThat(rejected(() -> PREPARER.fromInline(config)).problems())
                .containsExactly("meta" + "[0]".repeat(63) + " is nested deeper than 64 levels");
    }

    @Test
    void anInlineConfigExactlyAsDeepAsTheLimitIsAccepted() throws Exception {
        // The top-level mapping is level 1; config.process[0].datasets[0] is level 6, as deep as the valid config goes.
        ConfigPreparer six = new ConfigPreparer(new ConfigLimits(262_144, 6, 50, 100_000));
        ObjectNode config = Trees.valid();
        ArrayNode level6 = config.putObject("meta").putArray("tags").addObject().putArray("b").addArray();

        assertThat(six.fromInline(config).name()).isEqualTo("my_lora");
        level6.addArray();
        assertThat(rejected(() -> six.fromInline(config)).problems())
                .containsExactly("meta.tags[0].b[0][0] is nested deeper than 6 levels");
    }

    @Test
    void limitsMustBePositiveExceptTheAliasCount() {
        assertThat(new ConfigLimits(1, 1, 0, 1).maxAliases()).isZero();
        for (int[] wrong : new int[][] {{0, 1, 0, 1}, {1, 0, 0, 1}, {1, 1, -1, 1}, {1, 1, 0, 0}}) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class,
                    () -> new ConfigLimits(wrong[0], wrong[1], wrong[2], wrong[3])))
                    .hasMessage("config limits must be positive (aliases may be 0): %d, %d, %d, %d",
                            wrong[0], wrong[1], wrong[2], wrong[3]);
        }
        assertThat(ConfigLimits.defaults()).isEqualTo(new ConfigLimits(262_144, 64, 50, 100_000));
    }

    @Test
    void preparedConfigCopiesItsAdjustments() {
        List<String> adjustments = new java.util.ArrayList<>(List.of("a"));
        PreparedConfig prepared = new PreparedConfig("n", "y", "h", adjustments, 1000, 1000);
        adjustments.add("b");

        assertThat(prepared.adjustments()).containsExactly("a");
    }

    private static InvalidConfigException rejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        InvalidConfigException rejected = catchThrowableOfType(InvalidConfigException.class, call);
        assertThat(rejected).as("the config should have been rejected").isNotNull();
        return rejected;
    }
}
