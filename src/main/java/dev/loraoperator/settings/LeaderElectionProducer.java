package dev.loraoperator.settings;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

/**
 * Turns lora-operator.leader-election.* into the LeaderElectionConfiguration bean that the Quarkus Operator SDK
 * looks up at start (in the profiles of quarkus.operator-sdk.activate-leader-election-for-profiles, prod by
 * default); no bean (null) means no leader election.
 */
public class LeaderElectionProducer {
    private static final Logger LOG = Logger.getLogger(LeaderElectionProducer.class);

    @Produces
    @Dependent // only a @Dependent producer may return null, which is how "disabled" reaches the SDK
    LeaderElectionConfiguration leaderElection(OperatorSettings settings) {
        // halt, not exit: shutdown hooks would stop the operator, which waits on the lock the caller holds.
        return from(settings.leaderElection(), () -> Runtime.getRuntime().halt(1));
    }

    /**
     * A replica that loses the lease must stop at once, or it would go on reconciling (and possibly submitting)
     * next to the new leader; Kubernetes then restarts it as a follower. JOSDK 5.3.2 can do this itself
     * (exitOnStopLeading) but calls System.exit from inside the leader elector, also while the application shuts
     * down normally, and that System.exit deadlocks the shutdown (the pod only dies at its grace period). So JOSDK
     * is told not to exit, and this callback stops the process, only when the lease is lost while running.
     */
    static LeaderElectionConfiguration from(OperatorSettings.LeaderElection settings, Runnable stopProcess) {
        if (!settings.enabled()) {
            return null;
        }
        LeaderElectionConfigurationBuilder builder = LeaderElectionConfigurationBuilder
                .aLeaderElectionConfiguration(settings.leaseName())
                .withLeaderCallbacks(new LeaderCallbacks(() -> LOG.info("leading: this replica reconciles"),
                        () -> lostLease(stopProcess), leader -> { }));
        settings.leaseNamespace().ifPresent(builder::withLeaseNamespace);
        return builder.build(); // exitOnStopLeading=false in JOSDK 5.3.2
    }

    private static void lostLease(Runnable stopProcess) {
        if (shuttingDown()) {
            return; // a normal stop releases the lead; the process is exiting anyway
        }
        LOG.error("lost the leader lease: stopping so that only the new leader reconciles");
        stopProcess.run();
    }

    /** The JVM refuses new shutdown hooks once it has begun to shut down. */
    static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }
}
