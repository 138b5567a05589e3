package dev.loraoperator.config;

import java.util.ArrayList;
import java.util.List;

/** Why a config cannot be submitted: one clear sentence per problem, each naming the path it is about. */
public final class InvalidConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Problems reported one by one; the rest are counted, so thousands of bad entries still fit in a status. */
    static final int REPORTED = 20;

    private final List<String> problems;
    private final int count;

    public InvalidConfigException(List<String> problems) {
        super(summary(firstProblems(problems), problems.size()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid config needs at least one problem");
        }
        this.problems = firstProblems(problems);
        this.count = problems.size();
    }

    static InvalidConfigException of(String problem) {
        return new InvalidConfigException(List.of(problem));
    }

    /** The first {@value #REPORTED} problems, followed by "and N more problems" when there were more. */
    public List<String> problems() {
        return problems;
    }

    /** How many problems there were in all. */
    public int count() {
        return count;
    }

    private static List<String> firstProblems(List<String> all) {
        if (all.size() <= REPORTED) {
            return List.copyOf(all);
        }
        List<String> first = new ArrayList<>(all.subList(0, REPORTED));
        first.add("and " + (all.size() - REPORTED) + " more problems");
        return List.copyOf(first);
    }

    private static String summary(List<String> reported, int count) {
        return count == 1 ? reported.get(0) : count + " problems: " + String.join("; ", reported);
    }
}
