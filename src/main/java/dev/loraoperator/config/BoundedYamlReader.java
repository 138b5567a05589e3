package dev.loraoperator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Parses a YAML config text into a Jackson tree with YAML 1.1 typing, safe construction only, and hard limits. */
final class BoundedYamlReader {

    private final ConfigLimits limits;

    BoundedYamlReader(ConfigLimits limits) {
        this.limits = limits;
    }

    JsonNode read(String text) throws InvalidConfigException {
        checkSize(text);
        Object loaded = load(text);
        if (!(loaded instanceof Map)) {
            throw InvalidConfigException.of("the config must be a YAML mapping at the top level (got "
                    + describe(loaded) + ")");
        }
        return new YamlTreeConverter(new NodeBudget(limits)).convert(loaded);
    }

    private void checkSize(String text) throws InvalidConfigException {
        // Every char is at least one UTF-8 byte, so a text longer in chars is too big without encoding it.
        if (text.length() > limits.maxBytes() || text.getBytes(StandardCharsets.UTF_8).length > limits.maxBytes()) {
            throw InvalidConfigException.of("the config YAML is larger than " + limits.maxBytes() + " bytes");
        }
    }

    private Object load(String text) throws InvalidConfigException {
        try {
            return newYaml().load(text);
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : oneLine(e.getContext()) + ", ";
            throw InvalidConfigException.of("the config YAML is invalid" + where(e.getProblemMark()) + ": "
                    + context + oneLine(e.getProblem()));
        } catch (YAMLException e) {
            // Limits (aliases, nesting, size) and unsupported tags land here without a position.
            throw InvalidConfigException.of("the config YAML is rejected: " + oneLine(e.getMessage()));
        }
    }

    /** A fresh instance per call: SnakeYAML's Yaml is not thread-safe and reconciles run concurrently. */
    private Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxBytes());
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        DumperOptions unused = new DumperOptions();
        return new Yaml(new PlainSafeConstructor(options), new Representer(unused), unused, options, new Resolver());
    }

    private static String where(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s+", " ");
    }

    private static String describe(Object loaded) {
        if (loaded == null) {
            return "an empty document";
        }
        return loaded instanceof java.util.List ? "a list" : "a single value";
    }
}
