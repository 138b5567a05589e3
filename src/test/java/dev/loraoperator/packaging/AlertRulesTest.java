package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The real promtool accepts the alert rules, and its unit tests show every alert firing and staying quiet. */
class AlertRulesTest {
    private static final Path UNIT_TESTS = Path.of("src", "test", "resources", "dev", "loraoperator", "packaging",
            "alert-rules-test.yaml");
    private static final Path WORK = Path.of("target", "promtool");

    @Test
    void promtoolAcceptsTheRules() {
        String out = Tools.runOk("promtool", List.of("check", "rules", MonitoringQueries.RULES.toString()));
        assertThat(out).contains("SUCCESS: " + MonitoringQueries.alertQueries().size() + " rules found");
    }

    @Test
    void promtoolUnitTestsOfEveryAlertPass() throws IOException {
        // The unit tests name the rules file beside them, as a user would keep the two.
        Files.createDirectories(WORK);
        Files.copy(MonitoringQueries.RULES, WORK.resolve(MonitoringQueries.RULES.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(UNIT_TESTS, WORK.resolve(UNIT_TESTS.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Tools.Result result = Tools.run("promtool", List.of("test", "rules",
                WORK.resolve(UNIT_TESTS.getFileName()).toString()));
        assertThat(result.ok()).as(result.stdout() + result.stderr()).isTrue();
        assertThat(result.stdout()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasACaseWhereItFiresAndOneWhereItDoesNot() throws IOException {
        JsonNode tests = Manifests.YAML.readTree(Files.readString(UNIT_TESTS));
        Set<String> fires = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                (check.path("exp_alerts").isEmpty() ? quiet : fires).add(check.path("alertname").asText());
            }
        }
        List<String> alerts = new ArrayList<>(MonitoringQueries.alertQueries().keySet());
        assertThat(alerts).hasSize(6);
        assertThat(fires).as("alerts shown firing").containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(quiet).as("alerts shown staying quiet").containsExactlyInAnyOrderElementsOf(alerts);
    }
}
