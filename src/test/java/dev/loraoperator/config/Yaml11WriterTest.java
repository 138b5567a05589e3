package dev.loraoperator.config;

import static dev.loraoperator.config.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Yaml11WriterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @CsvSource({
        "1.0E-4, 1.0e-4", "1.0E-10, 1.0e-10", "1.0E21, 1.0e+21", "-2.5E7, -2.5e+7", "0.5, 0.5",
        "100.0, 100.0", "-0.0, -0.0", "0.001, 0.001", "NaN, .nan", "Infinity, .inf", "-Infinity, -.inf"})
    void floatsAlwaysHaveADotAndASignedExponent(double value, String expected) {
        assertThat(Yaml11Scalars.floating(value)).isEqualTo(expected);
    }

    @Test
    void integersOfEverySizeArePlainDigits() {
        assertThat(Yaml11Scalars.scalar(NODES.numberNode(42))).isEqualTo("42");
        assertThat(Yaml11Scalars.scalar(NODES.numberNode(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
        assertThat(Yaml11Scalars.scalar(NODES.numberNode(new BigInteger("12345678901234567890123"))))
                .isEqualTo("12345678901234567890123");
    }

    @Test
    void stringsAreAlwaysDoubleQuotedWithEscapes() {
        assertThat(Yaml11Scalars.quoted("on")).isEqualTo("\"on\"");
        assertThat(Yaml11Scalars.quoted("")).isEqualTo("\"\"");
        assertThat(Yaml11Scalars.quoted("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
        assertThat(Yaml11Scalars.quoted("a\nb\r\tc")).isEqualTo("\"a\\nb\\r\\tc\"");
        assertThat(Yaml11Scalars.quoted("\u0000\u0007\u001b\u007f\u0085\u009f\u00a0")).isEqualTo(
                "\"\\x00\\x07\\x1B\\x7F\\N\\x9F\u00a0\"");
        assertThat(Yaml11Scalars.quoted("\u2028\u2029\ufeff\ufffe")).isEqualTo("\"\\L\\P\\uFEFF\\uFFFE\"");
        assertThat(Yaml11Scalars.quoted("ünïcödé ✓ \uD83D\uDE00")).isEqualTo("\"ünïcödé ✓ \uD83D\uDE00\"");
    }

    @Test
    void keysArePlainOnlyWhenYamlCannotReadThemAsAnythingButAString() {
        assertThat(Yaml11Scalars.key("name_or_path")).isEqualTo("name_or_path");
        assertThat(Yaml11Scalars.key("_private2")).isEqualTo("_private2");
        for (String special : new String[] {"on", "ON", "Yes", "n", "Y", "off", "True", "null", "NULL"}) {
            assertThat(Yaml11Scalars.key(special)).isEqualTo("\"" + special + "\"");
        }
        for (String other : new String[] {"1", "with space", "a-b", "~", "<<", "", "é", "a.b", "1e3"}) {
            assertThat(Yaml11Scalars.key(other)).isEqualTo("\"" + other + "\"");
        }
    }

    @Test
    void blocksAreWrittenInTheUsualShapeInKeyOrder() {
        String yaml = Yaml11Writer.write(tree("""
                {'job': 'extension', 'config': {'name': 'n', 'process': [
                  {'type': 'sd_trainer', 'datasets': [{'folder_path': 'f', 'resolution': [512, 768]}],
                   'train': {'lr': 1e-4, 'on': true, 'none': null, 'empty_map': {}, 'empty_list': []}}]},
                 'nested': [[1, 2], [3, [4, 5]], []], 'z': -1}"""));

        assertThat(yaml).isEqualTo("""
                job: "extension"
                config:
                  name: "n"
                  process:
                    - type: "sd_trainer"
                      datasets:
                        - folder_path: "f"
                          resolution:
                            - 512
                            - 768
                      train:
                        lr: 1.0e-4
                        "on": true
                        none: null
                        empty_map: {}
                        empty_list: []
                nested:
                  - - 1
                    - 2
                  - - 3
                    - - 4
                      - 5
                  - []
                z: -1
                """);
    }

    @Test
    void scalarsAndEmptyCollectionsAtTheTopLevelAreOneLine() {
        assertThat(Yaml11Writer.write(NODES.textNode("x"))).isEqualTo("\"x\"\n");
        assertThat(Yaml11Writer.write(NODES.objectNode())).isEqualTo("{}\n");
        assertThat(Yaml11Writer.write(NODES.arrayNode())).isEqualTo("[]\n");
    }

    @Test
    void aVeryLongKeyUsesTheExplicitKeyForm() {
        String plain = "k".repeat(1200);
        String quoted = "é".repeat(1200);

        assertThat(Yaml11Writer.write(NODES.objectNode().put(plain, 1))).isEqualTo("? " + plain + "\n: 1\n");
        assertThat(Yaml11Writer.write(NODES.objectNode().set(quoted, NODES.objectNode().put("a", 1))))
                .isEqualTo("? \"" + quoted + "\"\n:\n  a: 1\n");
    }

    @Test
    void aKeyOfExactly1000CharactersIsStillASimpleKey() {
        String plain = "k".repeat(1000);
        String quoted = "é".repeat(998); // 1000 characters with its quotes

        assertThat(Yaml11Writer.write(NODES.objectNode().put(plain, 1))).isEqualTo(plain + ": 1\n");
        assertThat(Yaml11Writer.write(NODES.objectNode().put(quoted, 1))).isEqualTo("\"" + quoted + "\": 1\n");
        assertThat(Yaml11Writer.write(NODES.objectNode().put(plain + "k", 1))).isEqualTo("? " + plain + "k\n: 1\n");
    }

    @Test
    void charactersAtTheEdgesOfThePrintableRangesAreWrittenAsThemselves() {
        String edges = " ~\u00a0\ud7ff\ue000\ufffd\ud800\udc00"; // the last two: U+10000
        assertThat(Yaml11Scalars.quoted(edges)).isEqualTo("\"" + edges + "\"");
        assertThat(Yaml11Scalars.quoted("\u001f\u007f\u009f")).isEqualTo("\"\\x1F\\x7F\\x9F\"");
        assertThat(Yaml11Scalars.quoted("\ud800|\udfff|\uffff")).isEqualTo("\"\\uD800|\\uDFFF|\\uFFFF\"");
    }

    @Test
    void theSameTreeAlwaysGivesTheSameText() {
        assertThat(Yaml11Writer.write(Trees.valid())).isEqualTo(Yaml11Writer.write(Trees.valid()));
    }
}
