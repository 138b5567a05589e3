package dev.loraoperator.packaging;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `helm lint --strict` (warnings fail) passes with the default values and with every value set of the tests. */
class HelmLintTest {

    @ParameterizedTest
    @MethodSource(Chart.VALUE_SETS_SOURCE)
    void chartLintsStrictly(String valueSet) {
        List<String> args = new ArrayList<>(List.of("lint", "--strict", Chart.DIR.toString(), "--namespace",
                Chart.NAMESPACE));
        args.addAll(Chart.valuesArgs(valueSet));
        Tools.runOk("helm", args);
    }
}
