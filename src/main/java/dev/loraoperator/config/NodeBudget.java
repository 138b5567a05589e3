package dev.loraoperator.config;

/** Counts values, nesting and text while a tree is walked, and stops the walk once a limit is passed. */
final class NodeBudget {

    private final ConfigLimits limits;
    private int nodes;
    private long textChars;

    NodeBudget(ConfigLimits limits) {
        this.limits = limits;
    }

    /** Called once per value; aliases are expanded by the walk, so each use of an alias counts. */
    void countNode() throws InvalidConfigException {
        if (++nodes > limits.maxNodes()) {
            throw InvalidConfigException.of("the config has more than " + limits.maxNodes()
                    + " values (each use of a YAML alias counts)");
        }
    }

    /** Called when entering a mapping or list; {@code depth} is 1 for the top-level mapping. */
    void checkDepth(int depth, String path) throws InvalidConfigException {
        if (depth > limits.maxDepth()) {
            throw InvalidConfigException.of(ConfigPath.describe(path) + " is nested deeper than "
                    + limits.maxDepth() + " levels");
        }
    }

    /**
     * Called for every key and string value of parsed YAML: the size check before parsing cannot see that
     * an alias to one long string, used many times, would make the submitted YAML huge.
     */
    void countText(String text) throws InvalidConfigException {
        textChars += text.length();
        if (textChars > limits.maxBytes()) {
            throw InvalidConfigException.of("the config expands to more than " + limits.maxBytes()
                    + " characters of text (each use of a YAML alias counts)");
        }
    }
}
