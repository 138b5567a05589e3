package dev.loraoperator.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The Helm chart and the value sets the tests render it with (src/test/resources/.../packaging/values/). */
final class Chart {
    static final Path DIR = Path.of("helm", "lora-training-operator");
    static final String RELEASE = "lora-training-operator";
    static final String NAMESPACE = "lora-training-operator";
    static final String DEFAULTS = "defaults";
    /** For {@code @MethodSource}: every test that holds for any configuration runs once per value set. */
    static final String VALUE_SETS_SOURCE = "dev.loraoperator.packaging.Chart#valueSets";
    private static final Path VALUE_SETS = Path.of("src", "test", "resources", "dev", "loraoperator", "packaging",
            "values");

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Chart() {
    }

    /** "defaults" plus the name of every values file of the tests, without ".yaml". */
    static List<String> valueSets() {
        List<String> names = new ArrayList<>();
        names.add(DEFAULTS);
        try (Stream<Path> files = Files.list(VALUE_SETS)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - ".yaml".length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static List<String> valuesArgs(String valueSet) {
        return DEFAULTS.equals(valueSet) ? List.of()
                : List.of("--values", VALUE_SETS.resolve(valueSet + ".yaml").toString());
    }

    /**
     * helm template output: the chart's CRD first (--include-crds), then the templates in Helm's install order.
     * Rendered once per value set and JVM: the chart does not change while the tests run.
     */
    static String render(String valueSet) {
        return RENDERED.computeIfAbsent(valueSet, set -> renderWith(valuesArgs(set)));
    }

    /** helm template output with these value arguments (--values, --set) on top of the chart's defaults. */
    static String renderWith(List<String> valuesArgs) {
        List<String> args = new ArrayList<>(List.of("template", RELEASE, DIR.toString(), "--namespace", NAMESPACE,
                "--include-crds"));
        args.addAll(valuesArgs);
        return Tools.runOk("helm", args);
    }

    static Manifests manifests(String valueSet) {
        return Manifests.parse(render(valueSet));
    }
}
