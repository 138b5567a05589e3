package dev.loraoperator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL of the shipped dashboard and alert rules, and the metric names each expression reads. */
public final class MonitoringQueries {
    public static final Path DASHBOARD = Chart.DIR.resolve("dashboards").resolve("lora-training-operator.json");
    public static final Path RULES = Path.of("deploy", "monitoring", "prometheus-rules",
            "lora-training-operator.rules.yaml");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** An identifier not glued to a number (1e3, 5m) and not followed by "(" (a function or aggregation). */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?!\\s*\\(|[\\w:])");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    private MonitoringQueries() {
    }

    /** "panel title #refId" -> expression, for every query of every panel. */
    public static Map<String, String> dashboardQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : read(DASHBOARD, new ObjectMapper()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put(panel.path("title").asText() + " #" + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        return queries;
    }

    /** Alert name -> expression, for every rule of the plain rules file. */
    public static Map<String, String> alertQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode group : read(RULES, Manifests.YAML).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                queries.put(rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        return queries;
    }

    /** The series names an expression selects: what is left once strings, matchers, ranges and groupings go. */
    public static Set<String> metricNames(String promql) {
        String bare = STRINGS.matcher(promql).replaceAll("\"\"");
        bare = BRACES.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            if (!KEYWORDS.contains(name.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
