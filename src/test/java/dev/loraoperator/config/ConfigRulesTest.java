package dev.loraoperator.config;

import static dev.loraoperator.config.Trees.process;
import static dev.loraoperator.config.Trees.tree;
import static dev.loraoperator.config.Trees.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigRulesTest {

    @Test
    void aConfigThatFollowsEveryRuleIsKeptAsIs() throws Exception {
        NormalizedConfig result = ConfigRules.apply(valid());

        assertThat(result.config()).isEqualTo(valid());
        assertThat(result.name()).isEqualTo("my_lora");
        assertThat(result.adjustments()).isEmpty();
    }

    @Test
    void theInputIsNeverMutated() throws Exception {
        ObjectNode input = valid();
        process(input).remove("training_folder");
        ((ObjectNode) process(input).get("datasets").get(0)).put("folder_path", "faces");
        ObjectNode before = input.deepCopy();

        NormalizedConfig result = ConfigRules.apply(input);

        assertThat(input).isEqualTo(before);
        assertThat(result.config()).isNotSameAs(input).isEqualTo(valid());
    }

    @Test
    void aMissingTrainingFolderIsSetToTheRunComfyOutputFolder() throws Exception {
        ObjectNode input = valid();
        process(input).remove("training_folder");

        NormalizedConfig result = ConfigRules.apply(input);

        assertThat(process(result.config()).get("training_folder").textValue()).isEqualTo("/app/ai-toolkit/output");
        assertThat(result.adjustments())
                .containsExactly("config.process[0].training_folder set to /app/ai-toolkit/output");
    }

    @Test
    void anEmptyTrainingFolderValueCountsAsMissing() throws Exception {
        ObjectNode input = valid();
        process(input).putNull("training_folder");

        assertThat(ConfigRules.apply(input).adjustments())
                .containsExactly("config.process[0].training_folder set to /app/ai-toolkit/output");
    }

    @Test
    void aRelativeTrainingFolderIsReplacedAndTheOldValueNamed() throws Exception {
        ObjectNode input = valid();
        process(input).put("training_folder", "output");

        NormalizedConfig result = ConfigRules.apply(input);

        assertThat(process(result.config()).get("training_folder").textValue()).isEqualTo("/app/ai-toolkit/output");
        assertThat(result.adjustments()).containsExactly(
                "config.process[0].training_folder set to /app/ai-toolkit/output (was \"output\")");
    }

    @Test
    void theOutputFolderWithATrailingSlashIsKept() throws Exception {
        ObjectNode input = valid();
        process(input).put("training_folder", "/app/ai-toolkit/output/");

        NormalizedConfig result = ConfigRules.apply(input);

        assertThat(process(result.config()).get("training_folder").textValue()).isEqualTo("/app/ai-toolkit/output/");
        assertThat(result.adjustments()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data/output", "/app/ai-toolkit/output/sub", "/app/ai-toolkit/outputs", "/", "//app"})
    void anyOtherAbsoluteTrainingFolderIsAProblem(String folder) {
        ObjectNode input = valid();
        process(input).put("training_folder", folder);

        assertThat(problems(input)).containsExactly("config.process[0].training_folder must be "
                + "/app/ai-toolkit/output or a relative path (got \"" + folder + "\")");
    }

    @Test
    void aTrainingFolderThatIsNotAStringIsAProblem() {
        ObjectNode input = valid();
        process(input).put("training_folder", 7);

        assertThat(problems(input)).containsExactly("config.process[0].training_folder must be "
                + "/app/ai-toolkit/output or a relative path (got a number)");
    }

    @Test
    void aBareDatasetNameIsExpandedToTheMountPath() throws Exception {
        ObjectNode input = valid();
        ((ObjectNode) process(input).get("datasets").get(0)).put("folder_path", "My_set-2");

        NormalizedConfig result = ConfigRules.apply(input);

        assertThat(process(result.config()).at("/datasets/0/folder_path").textValue())
                .isEqualTo("/app/ai-toolkit/datasets/My_set-2");
        assertThat(process(result.config()).at("/datasets/0/caption_ext").textValue()).isEqualTo("txt");
        assertThat(result.adjustments()).containsExactly(
                "config.process[0].datasets[0].folder_path expanded to /app/ai-toolkit/datasets/My_set-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data/faces", "/app/ai-toolkit/datasets/", "/app/ai-toolkit/datasets/../faces",
        "/app/ai-toolkit/datasets/fa ces", "/app/ai-toolkit/datasets/faces/", "/app/ai-toolkit/datasets/faces/x",
        "/app/ai-toolkit/datasets/faces\n", "../faces", "faces/", "fa ces", "..", "", "datasets/faces", "fäces"})
    void anyOtherDatasetFolderIsAProblemThatSaysTheExpectedForm(String folder) {
        ObjectNode input = valid();
        ((ObjectNode) process(input).get("datasets").get(0)).put("folder_path", folder);

        assertThat(problems(input)).containsExactly("config.process[0].datasets[0].folder_path must be "
                + "/app/ai-toolkit/datasets/<name> or just <name>, where <name> has only letters, digits, '_' and '-'"
                + " (got " + ConfigPath.quote(folder) + ")");
    }

    @Test
    void aMissingOrNonStringDatasetFolderIsAProblem() {
        ObjectNode input = valid();
        ((ObjectNode) process(input).get("datasets").get(0)).remove("folder_path");
        process(input).withArrayProperty("datasets").add(tree("{'folder_path': ['faces']}"));

        assertThat(problems(input)).containsExactly(
                "config.process[0].datasets[0].folder_path is required and must be /app/ai-toolkit/datasets/<name>"
                        + " or just <name>, where <name> has only letters, digits, '_' and '-'",
                "config.process[0].datasets[1].folder_path must be /app/ai-toolkit/datasets/<name>"
                        + " or just <name>, where <name> has only letters, digits, '_' and '-' (got a list)");
    }

    @Test
    void datasetsMustBeAListOfMappings() {
        ObjectNode notAList = valid();
        process(notAList).set("datasets", tree("{'folder_path': 'faces'}"));
        ObjectNode entryNotAMapping = valid();
        process(entryNotAMapping).withArrayProperty("datasets").add("faces");

        assertThat(problems(notAList)).containsExactly("config.process[0].datasets must be a list (got a mapping)");
        assertThat(problems(entryNotAMapping)).containsExactly(
                "config.process[0].datasets[1] must be a mapping (got a string)");
    }

    @Test
    void datasetsMayBeAbsentEmptyOrNull() throws Exception {
        for (Consumer<ObjectNode> change : List.<Consumer<ObjectNode>>of(p -> p.remove("datasets"),
                p -> p.putArray("datasets"), p -> p.putNull("datasets"))) {
            ObjectNode input = valid();
            change.accept(process(input));
            assertThat(ConfigRules.apply(input).adjustments()).isEmpty();
        }
    }

    static Stream<Arguments> structuralProblems() {
        return Stream.of(
                problem(c -> c.remove("job"), "job is required"),
                problem(c -> c.put("job", 1), "job must be a non-empty string (got a number)"),
                problem(c -> c.put("job", " "), "job must be a non-empty string"),
                problem(c -> c.remove("config"), "config is required"),
                problem(c -> c.putArray("config"), "config must be a mapping (got a list)"),
                problem(c -> c.withObjectProperty("config").remove("name"), "config.name is required"),
                problem(c -> c.withObjectProperty("config").put("name", ""), "config.name must be a non-empty string"),
                problem(c -> c.withObjectProperty("config").put("name", true),
                        "config.name must be a non-empty string (got a boolean)"),
                problem(c -> c.withObjectProperty("config").remove("process"), "config.process is required"),
                problem(c -> c.withObjectProperty("config").putNull("process"), "config.process is required"),
                problem(c -> c.withObjectProperty("config").putArray("process"),
                        "config.process must have at least one entry"),
                problem(c -> c.withObjectProperty("config").put("process", "sd_trainer"),
                        "config.process must be a list (got a string)"),
                problem(c -> c.withObjectProperty("config").withArrayProperty("process").add(3),
                        "config.process[1] must be a mapping (got a number)"),
                problem(c -> process(c).remove("type"), "config.process[0].type is required"),
                problem(c -> process(c).put("type", ""), "config.process[0].type must be a non-empty string"),
                problem(c -> process(c).remove("model"), "config.process[0].model is required"),
                problem(c -> process(c).put("model", "flux"),
                        "config.process[0].model must be a mapping (got a string)"),
                problem(c -> process(c).withObjectProperty("model").remove("name_or_path"),
                        "config.process[0].model.name_or_path is required"),
                problem(c -> process(c).withObjectProperty("model").put("name_or_path", "\t"),
                        "config.process[0].model.name_or_path must be a non-empty string"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("structuralProblems")
    void eachStructuralRuleNamesThePath(Consumer<ObjectNode> breakIt, String expected) {
        ObjectNode input = valid();
        breakIt.accept(input);

        assertThat(problems(input)).containsExactly(expected);
    }

    @Test
    void aTopLevelThatIsNotAMappingIsAProblem() {
        assertThat(problems(Trees.JSON.createArrayNode())).containsExactly("the config must be a mapping (got a list)");
        assertThat(problems(null)).containsExactly("the config must be a mapping (got nothing)");
    }

    @Test
    void allProblemsAreReportedTogetherInDocumentOrder() {
        ObjectNode input = valid();
        input.remove("job");
        process(input).withObjectProperty("model").remove("name_or_path");
        process(input).put("training_folder", "/tmp");
        ((ObjectNode) process(input).get("datasets").get(0)).put("folder_path", "/tmp/faces");
        input.withObjectProperty("config").withArrayProperty("process").add(tree("{'type': 'sd_trainer', 'model': {}}"));

        assertThat(problems(input)).containsExactly(
                "job is required",
                "config.process[0].model.name_or_path is required",
                "config.process[0].training_folder must be /app/ai-toolkit/output or a relative path (got \"/tmp\")",
                "config.process[0].datasets[0].folder_path must be /app/ai-toolkit/datasets/<name> or just <name>,"
                        + " where <name> has only letters, digits, '_' and '-' (got \"/tmp/faces\")",
                "config.process[1].model.name_or_path is required");
    }

    @Test
    void everyProcessEntryIsNormalizedAndOtherKeysKeepTheirOrder() throws Exception {
        ObjectNode input = tree("""
                {'meta': {'version': '1.0'}, 'job': 'extension', 'config': {'process': [
                  {'type': 'sd_trainer', 'model': {'name_or_path': 'a'}, 'train': {'lr': 1e-4}},
                  {'type': 'sd_trainer', 'model': {'name_or_path': 'b'}, 'training_folder': 'out',
                   'datasets': [{'folder_path': 'one'}, {'folder_path': '/app/ai-toolkit/datasets/two'}]}],
                  'name': 'two_steps'}}""");

        NormalizedConfig result = ConfigRules.apply(input);

        assertThat(result.config()).isEqualTo(tree("""
                {'meta': {'version': '1.0'}, 'job': 'extension', 'config': {'process': [
                  {'type': 'sd_trainer', 'model': {'name_or_path': 'a'}, 'train': {'lr': 1e-4},
                   'training_folder': '/app/ai-toolkit/output'},
                  {'type': 'sd_trainer', 'model': {'name_or_path': 'b'}, 'training_folder': '/app/ai-toolkit/output',
                   'datasets': [{'folder_path': '/app/ai-toolkit/datasets/one'},
                                {'folder_path': '/app/ai-toolkit/datasets/two'}]}],
                  'name': 'two_steps'}}"""));
        assertThat(fieldNames(result.config())).containsExactly("meta", "job", "config");
        assertThat(result.adjustments()).containsExactly(
                "config.process[0].training_folder set to /app/ai-toolkit/output",
                "config.process[1].training_folder set to /app/ai-toolkit/output (was \"out\")",
                "config.process[1].datasets[0].folder_path expanded to /app/ai-toolkit/datasets/one");
    }

    private static Arguments problem(Consumer<ObjectNode> breakIt, String expected) {
        return Arguments.of(breakIt, expected);
    }

    private static List<String> problems(JsonNode input) {
        InvalidConfigException rejected =
                catchThrowableOfType(InvalidConfigException.class, () -> ConfigRules.apply(input));
        assertThat(rejected).as("the config should have been rejected").isNotNull();
        return rejected.problems();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
