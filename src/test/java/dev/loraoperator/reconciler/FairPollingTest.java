package dev.loraoperator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.Phase;
import dev.loraoperator.simulator.Operation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twenty jobs behind a rate limit of 1 request/s, which polls 16 running jobs every 20 s and no more: the real
 * reconciler, one pass at a time, with a clock that moves two seconds between passes so the limit refills.
 */
@EnableKubernetesMockClient(crud = true)
class FairPollingTest {
    static KubernetesClient client;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger pollLoadLog = Logger.getLogger(PollLoad.class.getName());
    private final ReconcileHarness h = new ReconcileHarness(client, api -> api, 1);
    private final List<String> names = IntStream.range(0, 20).mapToObj(i -> "job-" + i).toList();
    private final Map<String, String> jobIds = new HashMap<>();

    @BeforeEach
    void captureLog() {
        pollLoadLog.addHandler(capture);
    }

    @AfterEach
    void close() {
        pollLoadLog.removeHandler(capture);
        h.close();
    }

    @Test
    void withTooLowARateLimitEveryJobIsPolledEquallyLateSubmitsStillGoFirstAndOneLineSaysWhatRateItNeeds() {
        for (String name : names) {
            h.create(name, j -> { });
            assertThat(pass(name).sent(Operation.SUBMIT)).as(name).isEqualTo(1);
            jobIds.put(name, h.jobId());
        }
        assertThat(effectiveInterval("queued")).as("20 queued jobs need a third of a read a second: on time").isEqualTo(60);
        names.forEach(name -> h.sim.job(jobIds.get(name)).start());
        names.forEach(name -> assertThat(pass(name).status().getPhase()).isEqualTo(Phase.Running));

        // 20 running jobs every 20 s need a read a second, where 80 % of 1/s is 0.8: every interval × 1.25
        List<Duration> next = new ArrayList<>();
        for (String name : names) {
            ReconcileHarness.Pass polled = pass(name);
            assertThat(polled.sent(Operation.STATUS)).as(name).isEqualTo(1);
            next.add(polled.rescheduleAfter());
        }
        assertThat(next).containsOnly(Duration.ofSeconds(25));
        assertThat(effectiveInterval("running")).isEqualTo(25);
        assertThat(effectiveInterval("queued")).isEqualTo(75);
        assertThat(warnings()).as("one line for the whole ramp, not one per job or pass").singleElement()
                .satisfies(line -> assertThat(line).startsWith("20 active jobs (5 queued, 15 running) need 1.04 "
                        + "requests/s").contains("the rate limit is 1/s", "stretched ×1.04",
                        "raise lora-operator.trainer.requests-per-second", "to at least 2", "shards"));

        // the poll just made left one slot: the next poll must leave it, a submit takes it
        ReconcileHarness.Pass heldBack = h.pass(names.get(0));
        assertThat(heldBack.requests()).as("a poll does not take the last slot").isEmpty();
        h.create("late", j -> { });
        assertThat(h.pass().sent(Operation.SUBMIT)).as("a submit goes ahead of the polls").isEqualTo(1);

        // half the jobs finish: from 15 running and one queued on, the reads fit in 0.8 a second again
        names.subList(0, 10).forEach(name -> h.sim.job(jobIds.get(name)).complete());
        names.subList(0, 10).forEach(name -> assertThat(pass(name).status().getPhase()).isEqualTo(Phase.Succeeded));
        assertThat(pass(names.get(19)).rescheduleAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(effectiveInterval("running")).isEqualTo(20);
        assertThat(infos()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("16 active jobs (1 queued, 15 running) need 0.96 requests/s")
                .endsWith("so every job is polled on time again."));
    }

    /** A pass of the job, two seconds after the previous one: the rate limit holds two slots again. */
    private ReconcileHarness.Pass pass(String name) {
        h.advance(Duration.ofSeconds(2));
        return h.pass(name);
    }

    private double effectiveInterval(String cadence) {
        return h.meters.get("lora_operator_poll_effective_interval_seconds").tag("cadence", cadence).gauge().value();
    }

    private List<String> warnings() {
        return logged.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogRecord::getMessage).toList();
    }

    private List<String> infos() {
        return logged.stream().filter(r -> r.getLevel().intValue() < Level.WARNING.intValue())
                .map(LogRecord::getMessage).toList();
    }
}
