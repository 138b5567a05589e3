package dev.loraoperator.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Leader election is off unless asked for, and when on, a replica that loses the lease stops. */
class LeaderElectionProducerTest {

    @Test
    void disabledMeansNoConfigurationSoTheSdkRunsWithoutALease() {
        assertThat(LeaderElectionProducer.from(settings(false, "lease", null), () -> { })).isNull();
    }

    @Test
    void enabledUsesTheConfiguredLease() {
        LeaderElectionConfiguration config = LeaderElectionProducer.from(settings(true, "my-lease", "ops"), () -> { });
        assertThat(config.getLeaseName()).isEqualTo("my-lease");
        assertThat(config.getLeaseNamespace()).contains("ops");
    }

    @Test
    void losingTheLeaseStopsTheProcessThroughOurCallbackNotThroughJosdk() {
        AtomicInteger stops = new AtomicInteger();
        LeaderElectionConfiguration config = LeaderElectionProducer.from(settings(true, "my-lease", null),
                stops::incrementAndGet);
        // JOSDK's own exit would deadlock a normal shutdown; the callback decides instead.
        assertThat(config.isExitOnStopLeading()).isFalse();
        config.getLeaderCallbacks().orElseThrow().onStopLeading();
        assertThat(stops).hasValue(1);
    }

    @Test
    void shuttingDownIsTrueOnlyOnceTheJvmHasBegunToStop() throws Exception {
        // A test JVM never shuts down while tests run, so ask a JVM of its own, from its shutdown hook.
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ShutdownProbe.class.getName()).redirectErrorStream(true).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines())
                .containsExactly("running: false", "shutting down: true");
    }

    @Test
    void withoutANamespaceTheSdkUsesTheOperatorsOwn() {
        assertThat(LeaderElectionProducer.from(settings(true, "my-lease", null), () -> { }).getLeaseNamespace())
                .isEmpty();
    }

    private static OperatorSettings.LeaderElection settings(boolean enabled, String lease, String namespace) {
        return new OperatorSettings.LeaderElection() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String leaseName() {
                return lease;
            }

            @Override
            public Optional<String> leaseNamespace() {
                return Optional.ofNullable(namespace);
            }
        };
    }
}
