package dev.loraoperator.config;

/** Bounds on a config the operator is willing to parse, so a hostile config cannot exhaust it. */
public record ConfigLimits(int maxBytes, int maxDepth, int maxAliases, int maxNodes) {

    public ConfigLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxNodes <= 0) {
            throw new IllegalArgumentException("config limits must be positive (aliases may be 0): " + maxBytes
                    + ", " + maxDepth + ", " + maxAliases + ", " + maxNodes);
        }
    }

    /** 256 KiB of text, 64 levels of nesting, at most 50 aliases to collections, 100,000 values. */
    public static ConfigLimits defaults() {
        return new ConfigLimits(262_144, 64, 50, 100_000);
    }
}
