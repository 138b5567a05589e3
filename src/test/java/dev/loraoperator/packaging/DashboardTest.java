package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard is one Grafana can load on any Prometheus: every panel queries the data source chosen in
 * its variable, Prometheus parses every query, panels have unique ids and do not overlap, and it covers what the operator asks people to watch.
 * (ObservabilityTest checks the queries against the metrics a running operator exports.)
 */
class DashboardTest {
    private final JsonNode dashboard = read();

    @Test
    void everyQueryUsesTheDashboardsDataSourceVariable() {
        JsonNode variable = dashboard.path("templating").path("list").get(0);
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        String reference = "${" + variable.path("name").asText() + "}";
        for (JsonNode panel : panels()) {
            assertThat(panel.path("datasource").path("uid").asText()).as(title(panel)).isEqualTo(reference);
            assertThat(panel.path("targets")).as(title(panel)).isNotEmpty().allSatisfy(target -> {
                assertThat(target.path("expr").asText()).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo(reference);
            });
        }
    }

    @Test
    void everyQueryIsPromQlThatPrometheusParses() throws IOException {
        // promtool has no query checker, but it parses every rule's expression: each query becomes a recording rule,
        // with Grafana's interval variable replaced by a duration the way Grafana does before sending it.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (String expr : MonitoringQueries.dashboardQueries().values()) {
            rules.append("      - record: dashboard_query_").append(++n).append("\n        expr: ")
                    .append(new ObjectMapper().writeValueAsString(expr.replace("$__rate_interval", "2m"))).append('\n');
        }
        Path file = Path.of("target", "promtool", "dashboard-queries.rules.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, rules);
        assertThat(Tools.runOk("promtool", List.of("check", "rules", file.toString())))
                .contains("SUCCESS: " + n + " rules found");
    }

    @Test
    void panelsHaveUniqueIdsAndDoNotOverlap() {
        Set<Integer> ids = new HashSet<>();
        Set<String> cells = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("id of " + title(panel)).isTrue();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(title(panel)).isLessThanOrEqualTo(24);
            for (int x = grid.path("x").asInt(); x < grid.path("x").asInt() + grid.path("w").asInt(); x++) {
                for (int y = grid.path("y").asInt(); y < grid.path("y").asInt() + grid.path("h").asInt(); y++) {
                    assertThat(cells.add(x + "," + y)).as(title(panel) + " overlaps at " + x + "," + y).isTrue();
                }
            }
        }
    }

    @Test
    void coversWhatTheIssueAsksToWatch() {
        Set<String> read = new HashSet<>();
        MonitoringQueries.dashboardQueries().values().forEach(expr -> read.addAll(MonitoringQueries.metricNames(expr)));
        assertThat(read).contains("lora_operator_jobs", "lora_operator_submissions_total",
                "lora_operator_trainer_requests_total", "lora_operator_trainer_request_duration_seconds_bucket",
                "lora_operator_poll_staleness_seconds", "lora_operator_poll_interval_seconds",
                "lora_operator_rate_limit_requests_per_second", "lora_operator_rate_limit_wait_seconds_count",
                "lora_operator_jobs_cancel_failing", "lora_operator_jobs_credentials_gone",
                "lora_operator_dataset_upload_bytes_total");
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if (!"row".equals(panel.path("type").asText())) {
                panels.add(panel);
            }
        });
        return panels;
    }

    private static String title(JsonNode panel) {
        return panel.path("title").asText();
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Files.readString(MonitoringQueries.DASHBOARD));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
