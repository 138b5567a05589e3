package dev.loraoperator.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Leader election is off unless asked for, and when on, a replica that loses the lease exits. */
class LeaderElectionProducerTest {

    @Test
    void disabledMeansNoConfigurationSoTheSdkRunsWithoutALease() {
        assertThat(LeaderElectionProducer.from(settings(false, "lease", null))).isNull();
    }

    @Test
    void enabledUsesTheConfiguredLeaseAndExitsWhenTheLeadIsLost() {
        LeaderElectionConfiguration config = LeaderElectionProducer.from(settings(true, "my-lease", "ops"));
        assertThat(config.getLeaseName()).isEqualTo("my-lease");
        assertThat(config.getLeaseNamespace()).contains("ops");
        assertThat(config.isExitOnStopLeading()).isTrue();
    }

    @Test
    void withoutANamespaceTheSdkUsesTheOperatorsOwn() {
        assertThat(LeaderElectionProducer.from(settings(true, "my-lease", null)).getLeaseNamespace()).isEmpty();
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
