package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** Turns a user's AI Toolkit config into the YAML submitted to the Trainer API, or says why it cannot be. */
public final class ConfigPreparer {

    private final ConfigLimits limits;
    private final BoundedYamlReader reader;

    public ConfigPreparer(ConfigLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reader = new BoundedYamlReader(limits);
    }

    /** spec.config as stored in the custom resource; the API server has already bounded its size. */
    public PreparedConfig fromInline(JsonNode config) throws InvalidConfigException {
        TreeBounds.check(config, limits);
        return prepare(config);
    }

    /** A YAML string read as a tree, within the same bounds, e.g. to look at it before preparing it. */
    public JsonNode parse(String yaml) throws InvalidConfigException {
        if (yaml == null) {
            throw InvalidConfigException.of("the config YAML is missing");
        }
        return reader.read(yaml);
    }

    /** A YAML string, e.g. from a ConfigMap key. */
    public PreparedConfig fromYamlText(String yaml) throws InvalidConfigException {
        if (yaml == null) {
            throw InvalidConfigException.of("the config YAML is missing");
        }
        return prepare(reader.read(yaml));
    }

    private static PreparedConfig prepare(JsonNode tree) throws InvalidConfigException {
        NormalizedConfig normalized = ConfigRules.apply(tree);
        String yaml = Yaml11Writer.write(normalized.config());
        return new PreparedConfig(normalized.name(), yaml, ConfigHash.of(yaml), normalized.adjustments(),
                ProgressFacts.totalSteps(normalized.config()), ProgressFacts.saveEvery(normalized.config()));
    }
}
