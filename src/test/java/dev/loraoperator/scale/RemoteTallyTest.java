package dev.loraoperator.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How the benchmark sums the simulator's jobs into calls per job and their minimum. */
class RemoteTallyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMinimumIsOneStatusReadPerPollIntervalOfTheJobsLifeAndOneResultReadPerCheckpointPlusOne() throws Exception {
        // 25 s from submit to the end with a 10 s poll: reads at 10, 20 and 30 s
        RemoteTally tally = RemoteTally.of(jobs("""
                [{"name":"a","createdAt":1000,"finishedAt":26000,"checkpoints":4,
                  "requests":{"STATUS":3,"RESULT":5}}]"""), 10_000);
        assertThat(tally.statusMinimum()).isEqualTo(3);
        assertThat(tally.resultBound()).isEqualTo(5);
        assertThat(tally.callsOverMinimum()).isEqualTo(1.0);
        assertThat(tally.duplicates()).isZero();
    }

    @Test
    void aSecondJobOfTheSameNameIsADuplicateSubmitAndCountsAgainstTheMinimum() throws Exception {
        RemoteTally tally = RemoteTally.of(jobs("""
                [{"name":"a","createdAt":1000,"finishedAt":2000,"checkpoints":0,"requests":{"STATUS":1,"RESULT":1}},
                 {"name":"a","createdAt":3000,"finishedAt":4000,"checkpoints":0,"requests":{}}]"""), 10_000);
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.lastSubmit()).isEqualTo(3000);
        assertThat(tally.callsOverMinimum()).isGreaterThan(1.0);
    }

    private static JsonNode jobs(String json) throws Exception {
        return JSON.readTree(json);
    }
}
