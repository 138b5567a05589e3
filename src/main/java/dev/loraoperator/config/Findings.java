package dev.loraoperator.config;

import java.util.ArrayList;
import java.util.List;

/** Problems and adjustments collected while the rules walk one config, so all of them are reported at once. */
final class Findings {

    private final List<String> problems = new ArrayList<>();
    private final List<String> adjustments = new ArrayList<>();

    void problem(String sentence) {
        problems.add(sentence);
    }

    void adjusted(String sentence) {
        adjustments.add(sentence);
    }

    List<String> adjustments() {
        return List.copyOf(adjustments);
    }

    void throwIfProblems() throws InvalidConfigException {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }
}
