package dev.loraoperator.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The step total and save interval progress is measured with: the config's own, else AI Toolkit's defaults. */
class ProgressFactsTest {
    private final ConfigPreparer preparer = new ConfigPreparer(ConfigLimits.defaults());

    private PreparedConfig prepared(String train, String save) throws InvalidConfigException {
        JsonNode config = preparer.parse("""
                job: extension
                config:
                  name: facts
                  process:
                    - type: sd_trainer
                      model: {name_or_path: black-forest-labs/FLUX.1-dev}
                %s%s
                """.formatted(train == null ? "" : "      train: " + train + "\n",
                save == null ? "" : "      save: " + save + "\n"));
        return preparer.fromInline(config);
    }

    @Test
    void theConfigsOwnStepsAndSaveIntervalAreUsed() throws Exception {
        PreparedConfig config = prepared("{steps: 2000}", "{save_every: 250}");
        assertThat(config.totalSteps()).isEqualTo(2000);
        assertThat(config.saveEvery()).isEqualTo(250);
    }

    @Test
    void missingZeroNegativeOrUnreadableValuesFallBackToAiToolkitsDefaults() throws Exception {
        for (String[] values : new String[][] {{null, null}, {"{steps: 0}", "{save_every: 0}"},
                {"{steps: -5}", "{save_every: -1}"}, {"{steps: many}", "{save_every: often}"}}) {
            PreparedConfig config = prepared(values[0], values[1]);
            assertThat(config.totalSteps()).as(String.join(",", String.valueOf(values[0]))).isEqualTo(1000);
            assertThat(config.saveEvery()).isEqualTo(1000);
        }
        PreparedConfig text = prepared("{steps: '1500'}", "{save_every: '100'}");
        assertThat(text.totalSteps()).isEqualTo(1500);
        assertThat(text.saveEvery()).isEqualTo(100);
    }
}
