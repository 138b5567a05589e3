package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metric names come out of PromQL without functions, labels, matcher values, ranges, durations or keywords. */
class PromQlNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "sum by (phase) (lora_operator_jobs)                                          ; lora_operator_jobs",
            "sum(rate(a_total{outcome!=\"success\",x=~\"b_total|c\"}[5m])) / sum(rate(a_total[$__rate_interval])) "
                    + "> 0.2 ; a_total",
            "histogram_quantile(0.95, sum by (le, operation) (rate(d_bucket[5m])))       ; d_bucket",
            "x > on(cadence) group_left() 2 * y offset 1h unless z                      ; x y z",
            "up{job=\"j\"} == 0 or absent(up{job=\"j\"})                                ; up",
            "1e3 * m:recorded:rate5m and bool nan                                       ; m:recorded:rate5m"})
    void namesAreTheSelectedSeries(String promql, String expected) {
        assertThat(MonitoringQueries.metricNames(promql)).containsExactly(expected.split(" "));
    }
}
