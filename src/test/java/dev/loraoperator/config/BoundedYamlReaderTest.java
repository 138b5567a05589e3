package dev.loraoperator.config;

import static java.util.Collections.nCopies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedYamlReaderTest {

    private static final BoundedYamlReader DEFAULTS = new BoundedYamlReader(ConfigLimits.defaults());

    @Test
    void scalarsAreTypedAsYaml11SaysLikeSnakeYaml() throws Exception {
        JsonNode tree = DEFAULTS.read("""
                lr: 1e-4
                small: 1.0E-10
                yes_flag: yes
                on_flag: on
                off_flag: Off
                no_flag: no
                octal: 012
                hex: 0x1F
                sexagesimal: 1:30
                tilde: ~
                big: 12345678901234567890123
                long: 9223372036854775807
                negative: -3
                quoted_on: "on"
                quoted_float: '1e-4'
                placeholder: "[name]"
                version: '1.0'
                """);

        assertThat(tree.get("lr").isDouble()).isTrue();
        assertThat(tree.get("lr").doubleValue()).isEqualTo(1e-4);
        assertThat(tree.get("small").doubleValue()).isEqualTo(1e-10);
        assertThat(tree.get("yes_flag").booleanValue()).isTrue();
        assertThat(tree.get("on_flag").booleanValue()).isTrue();
        assertThat(tree.get("off_flag").isBoolean()).isTrue();
        assertThat(tree.get("no_flag").isBoolean()).isTrue();
        assertThat(tree.get("octal").intValue()).isEqualTo(10);
        assertThat(tree.get("hex").intValue()).isEqualTo(31);
        assertThat(tree.get("sexagesimal").intValue()).isEqualTo(90);
        assertThat(tree.get("tilde").isNull()).isTrue();
        assertThat(tree.get("big").bigIntegerValue()).isEqualTo(new BigInteger("12345678901234567890123"));
        assertThat(tree.get("long").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(tree.get("negative").intValue()).isEqualTo(-3);
        assertThat(tree.get("quoted_on").textValue()).isEqualTo("on");
        assertThat(tree.get("quoted_float").textValue()).isEqualTo("1e-4");
        assertThat(tree.get("placeholder").textValue()).isEqualTo("[name]");
        assertThat(tree.get("version").textValue()).isEqualTo("1.0");
    }

    @Test
    void timestampsStayTheTextTheUserWrote() throws Exception {
        JsonNode tree = DEFAULTS.read("day: 2024-01-02\nwhen: 2001-12-14t21:59:43.10-05:00\ntagged: !!timestamp 2001-12-14\n");

        assertThat(tree.get("day").textValue()).isEqualTo("2024-01-02");
        assertThat(tree.get("when").textValue()).isEqualTo("2001-12-14t21:59:43.10-05:00");
        assertThat(tree.get("tagged").textValue()).isEqualTo("2001-12-14");
    }

    @Test
    void anchorsAliasesAndMergeKeysAreExpandedAndKeyOrderKept() throws Exception {
        JsonNode tree = DEFAULTS.read("base: &base {a: 1, b: 2}\nz: 0\ncopy:\n  <<: *base\n  c: 3\nsame: *base\n");

        assertThat(tree.toString()).isEqualTo(
                "{\"base\":{\"a\":1,\"b\":2},\"z\":0,\"copy\":{\"a\":1,\"b\":2,\"c\":3},\"same\":{\"a\":1,\"b\":2}}");
    }

    @Test
    void aTextOverTheByteLimitIsRejectedBeforeParsing() {
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(20, 64, 50, 100));

        // 10 chars but 20 bytes in UTF-8 plus the key: over the byte limit, though under it in chars.
        assertThat(problem(reader, "k: ééééééééé")).isEqualTo("the config YAML is larger than 20 bytes");
        assertThat(problem(reader, "k: [" + "1, ".repeat(1000) + "]")).isEqualTo("the config YAML is larger than 20 bytes");
        assertThatCode(() -> reader.read("k: éééé")).doesNotThrowAnyException();
    }

    @Test
    void nestingIsLimitedAndTheTopLevelMappingCountsAsOneLevel() {
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(1000, 5, 50, 100));

        assertThatCode(() -> reader.read("a: [[[[1]]]]")).doesNotThrowAnyException();
        assertThat(problem(reader, "a: [[[[[1]]]]]")).isEqualTo("the config YAML is rejected: Nesting Depth exceeded max 5");
        assertThat(problem(DEFAULTS, "a: " + "[".repeat(5000) + "]".repeat(5000)))
                .isEqualTo("the config YAML is rejected: Nesting Depth exceeded max 64");
    }

    @Test
    void aBillionLaughsAliasBombFailsFast() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [" + String.join(", ", nCopies(9, "\"lol\"")) + "]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", nCopies(9, "*a" + (i - 1)))).append("]\n");
        }

        String problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problem(DEFAULTS, bomb.toString()));

        assertThat(problem).isEqualTo(
                "the config YAML is rejected: Number of aliases for non-scalar nodes exceeds the specified max=50");
    }

    @Test
    void aNarrowAliasBombUnderTheAliasLimitIsStoppedByTheValueCount() {
        // 2 aliases a level over 24 levels: 48 aliases, but 2^24 lists once expanded.
        StringBuilder bomb = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i <= 24; i++) {
            bomb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1)
                    .append(", *l").append(i - 1).append("]\n");
        }

        String problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problem(DEFAULTS, bomb.toString()));

        assertThat(problem).isEqualTo("the config has more than 100000 values (each use of a YAML alias counts)");
    }

    @Test
    void aScalarAliasBombIsStoppedByTheTextLimit() {
        // Aliases to scalars are not counted by SnakeYAML, but a long string used 10,000 times would be 100 MB.
        String bomb = "s: &s \"" + "x".repeat(10_000) + "\"\nl: [" + "*s, ".repeat(10_000) + "]\n";

        String problem = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> problem(DEFAULTS, bomb));

        assertThat(problem).isEqualTo("the config expands to more than 262144 characters of text (each use of a YAML alias counts)");
    }

    @Test
    void aRecursiveAliasIsStoppedByTheDepthLimit() {
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(1000, 3, 50, 100));

        assertThat(problem(reader, "a: &a [*a]")).isEqualTo("a[0][0] is nested deeper than 3 levels");
    }

    @Test
    void duplicateKeysAreRejectedWithTheirPosition() {
        assertThat(problem(DEFAULTS, "job: extension\nconfig:\n  name: a\n  name: b\n")).isEqualTo(
                "the config YAML is invalid at line 4, column 3: while constructing a mapping, found duplicate key name");
    }

    @Test
    void aTopLevelThatIsNotAMappingIsRejected() {
        assertThat(problem(DEFAULTS, "- job: extension\n")).isEqualTo(
                "the config must be a YAML mapping at the top level (got a list)");
        assertThat(problem(DEFAULTS, "extension")).isEqualTo(
                "the config must be a YAML mapping at the top level (got a single value)");
        assertThat(problem(DEFAULTS, "# only a comment\n")).isEqualTo(
                "the config must be a YAML mapping at the top level (got an empty document)");
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsPosition() {
        String problem = problem(DEFAULTS, "job: extension\nconfig: [name, 2\nmeta: x\n");

        assertThat(problem).isEqualTo("the config YAML is invalid at line 3, column 5:"
                + " while parsing a flow sequence, expected ',' or ']', but got :");
        assertThat(problem(DEFAULTS, "a:\n\tb: 1")).doesNotContain("\n").startsWith("the config YAML is invalid at line 2, column 1:");
    }

    @Test
    void moreThanOneDocumentIsRejected() {
        assertThat(problem(DEFAULTS, "a: 1\n---\nb: 2\n")).isEqualTo(
                "the config YAML is invalid at line 2, column 1: expected a single document in the stream,"
                        + " but found another document");
    }

    @Test
    void noTagCanConstructAnObject() {
        assertThat(problem(DEFAULTS, "a: !!python/object/apply:os.system [ls]")).isEqualTo(
                "the config YAML is invalid at line 1, column 4: Global tag is not allowed:"
                        + " tag:yaml.org,2002:python/object/apply:os.system");
        assertThat(problem(DEFAULTS, "a: !!java.io.File [x]")).startsWith("the config YAML is invalid at line 1, column 4:");
        assertThat(problem(DEFAULTS, "a: !custom x")).isEqualTo(
                "the config YAML is invalid at line 1, column 4: could not determine a constructor for the tag !custom");
    }

    @Test
    void valuesWithoutAJsonFormAreRejectedByPath() {
        assertThat(problem(DEFAULTS, "config:\n  blob: !!binary aGVsbG8=")).isEqualTo(
                "config.blob holds a binary value, which is not supported in a config");
        assertThat(problem(DEFAULTS, "tags: !!set {a, b}")).isEqualTo(
                "tags holds a set value, which is not supported in a config");
    }

    @Test
    void aKeyYamlReadsAsANonStringIsRejectedWithAHint() {
        assertThat(problem(DEFAULTS, "config:\n  on: 1\n")).isEqualTo("config has the key true, which YAML 1.1"
                + " reads as a boolean (e.g. an unquoted on, no or 1); quote the key to make it a string");
        assertThat(problem(DEFAULTS, "1: x\n")).isEqualTo("the config has the key 1, which YAML 1.1"
                + " reads as a number (e.g. an unquoted on, no or 1); quote the key to make it a string");
    }

    @Test
    void aTextOfExactlyTheByteLimitIsRead() {
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(20, 64, 50, 100));

        assertThatCode(() -> reader.read("k: " + "x".repeat(17))).doesNotThrowAnyException();
        // 12 chars, 20 bytes.
        assertThatCode(() -> reader.read("k: " + "é".repeat(8) + "x")).doesNotThrowAnyException();
        assertThat(problem(reader, "k: " + "x".repeat(18))).isEqualTo("the config YAML is larger than 20 bytes");
    }

    @Test
    void anOversizedScalarIsRefusedNamingTheLimit() {
        String huge = "config:\n  name: \"" + "x".repeat(262_144) + "\"\n";

        assertThat(problem(DEFAULTS, huge)).isEqualTo("the config YAML is larger than 262144 bytes");
    }

    @Test
    void theConfiguredSizeLimitDecidesEvenAboveTheParsersOwnDefault() throws Exception {
        // SnakeYAML refuses documents over 3 MiB of code points by default; the operator's limit must win.
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(4_000_000, 64, 50, 100));
        // Many short lines: SnakeYAML scans one very long line in quadratic time.
        String big = ("#" + "x".repeat(99) + "\n").repeat(32_000) + "k: v\n";

        assertThat(reader.read(big).get("k").textValue()).isEqualTo("v");
    }

    @Test
    void theAliasLimitIsTheConfiguredOne() {
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(1000, 64, 3, 100));

        assertThatCode(() -> reader.read("a: &a [1]\nb: [*a, *a, *a]\n")).doesNotThrowAnyException();
        assertThat(problem(reader, "a: &a [1]\nb: [*a, *a, *a, *a]\n")).isEqualTo(
                "the config YAML is rejected: Number of aliases for non-scalar nodes exceeds the specified max=3");
    }

    @Test
    void aRecursiveKeyIsRefused() {
        assertThat(problem(DEFAULTS, "? &k [*k]\n: x\n")).isEqualTo("the config YAML is rejected:"
                + " Recursive key for mapping is detected but it is not configured to be allowed.");
    }

    @Test
    void aRecursiveMappingIsStoppedByTheDepthLimit() {
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(1000, 3, 50, 100));

        assertThat(problem(reader, "a: &a {b: *a}")).isEqualTo("a.b.b is nested deeper than 3 levels");
    }

    @Test
    void keysCountTowardsTheExpandedTextLimit() {
        // 20 characters of YAML keys, but each of the five uses of the aliased mapping repeats its 30-character key.
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(100, 64, 50, 1000));

        assertThat(problem(reader, "m: &m {" + "k".repeat(30) + ": 1}\nl: [*m, *m, *m, *m]\n")).isEqualTo(
                "the config expands to more than 100 characters of text (each use of a YAML alias counts)");
    }

    @Test
    void expandedTextOfExactlyTheLimitIsRead() {
        BoundedYamlReader reader = new BoundedYamlReader(new ConfigLimits(40, 64, 50, 1000));

        // Keys and strings once expanded: 2 + 9 + 2 + 3 * 9 = 40 characters; one more key character is too many.
        assertThatCode(() -> reader.read("ss: &s xxxxxxxxx\nll: [*s, *s, *s]\n")).doesNotThrowAnyException();
        assertThat(problem(reader, "sss: &s xxxxxxxxx\nll: [*s, *s, *s]\n")).isEqualTo(
                "the config expands to more than 40 characters of text (each use of a YAML alias counts)");
    }

    @Test
    void nullAndCollectionKeysAreRejectedWithAHint() {
        assertThat(problem(DEFAULTS, "~: x\n")).isEqualTo("the config has the key null, which YAML 1.1"
                + " reads as a null (e.g. an unquoted on, no or 1); quote the key to make it a string");
        assertThat(problem(DEFAULTS, "config:\n  ? [a, b]\n  : x\n")).isEqualTo("config has the key [a, b], which"
                + " YAML 1.1 reads as a list (e.g. an unquoted on, no or 1); quote the key to make it a string");
    }

    @Test
    void aPathThroughAnOddKeyIsQuotedAndCappedAt80Characters() {
        String key80 = "k ".repeat(40);
        String key81 = key80 + "z";

        assertThat(problem(DEFAULTS, "config:\n  \"" + key80 + "\": !!binary aGVsbG8=")).isEqualTo(
                "config[\"" + key80 + "\"] holds a binary value, which is not supported in a config");
        assertThat(problem(DEFAULTS, "config:\n  \"" + key81 + "\": !!binary aGVsbG8=")).isEqualTo(
                "config[\"" + key80 + "...\"] holds a binary value, which is not supported in a config");
    }

    @Test
    void exactlyTheValueLimitIsRead() {
        // The top-level mapping, the list and its two items: 4 values.
        assertThatCode(() -> new BoundedYamlReader(new ConfigLimits(1000, 64, 50, 4)).read("a: [1, 2]"))
                .doesNotThrowAnyException();
        assertThat(problem(new BoundedYamlReader(new ConfigLimits(1000, 64, 50, 3)), "a: [1, 2]"))
                .isEqualTo("the config has more than 3 values (each use of a YAML alias counts)");
    }

    @Test
    void aMappingKeyIsRejectedWithAHint() {
        assertThat(problem(DEFAULTS, "? {a: 1}\n: x\n")).isEqualTo("the config has the key {a=1}, which YAML 1.1"
                + " reads as a mapping (e.g. an unquoted on, no or 1); quote the key to make it a string");
    }

    private static String problem(BoundedYamlReader reader, String yaml) {
        InvalidConfigException rejected = catchThrowableOfType(InvalidConfigException.class, () -> reader.read(yaml));
        assertThat(rejected).as("the YAML should have been rejected").isNotNull();
        assertThat(rejected.problems()).hasSize(1);
        return rejected.problems().get(0);
    }
}
