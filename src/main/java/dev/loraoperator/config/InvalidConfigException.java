package dev.loraoperator.config;

import java.util.List;

/** Why a config cannot be submitted: one clear sentence per problem, each naming the path it is about. */
public final class InvalidConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid config needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    static InvalidConfigException of(String problem) {
        return new InvalidConfigException(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        return problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems: " + String.join("; ", problems);
    }
}
