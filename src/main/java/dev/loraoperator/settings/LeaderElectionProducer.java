package dev.loraoperator.settings;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * Turns lora-operator.leader-election.* into the LeaderElectionConfiguration bean that the Quarkus Operator SDK
 * looks up at start (in the profiles of quarkus.operator-sdk.activate-leader-election-for-profiles, prod by
 * default); no bean (null) means no leader election.
 */
public class LeaderElectionProducer {

    @Produces
    @Dependent // only a @Dependent producer may return null, which is how "disabled" reaches the SDK
    LeaderElectionConfiguration leaderElection(OperatorSettings settings) {
        return from(settings.leaderElection());
    }

    static LeaderElectionConfiguration from(OperatorSettings.LeaderElection settings) {
        if (!settings.enabled()) {
            return null;
        }
        LeaderElectionConfigurationBuilder builder = LeaderElectionConfigurationBuilder
                .aLeaderElectionConfiguration(settings.leaseName());
        settings.leaseNamespace().ifPresent(builder::withLeaseNamespace);
        // A replica that loses the lease must exit, or it would go on reconciling (and possibly submitting) next
        // to the new leader. JOSDK 5.3.2's build() quietly sets exitOnStopLeading=false (later fixed upstream),
        // so ask for true explicitly; buildForTest is the only builder method that takes the flag.
        return builder.buildForTest(true);
    }
}
