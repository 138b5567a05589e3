package dev.loraoperator.reconciler;

import dev.loraoperator.settings.OperatorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Operator settings for the reconcile harness: production defaults, except the Trainer API's address and a rate
 * limit high enough never to hold a call back (unless a test sets one).
 */
record TestSettings(URI baseUrl, Duration queued, Duration running, Duration retry, double requestsPerSecond)
        implements OperatorSettings {
    /** A rate limit the harness's passes never reach. */
    static final double UNLIMITED = 1000;

    static TestSettings pointingAt(String baseUrl) {
        return new TestSettings(URI.create(baseUrl), Duration.ofSeconds(60), Duration.ofSeconds(20),
                Duration.ofSeconds(30), UNLIMITED);
    }

    TestSettings withRate(double rate) {
        return new TestSettings(baseUrl, queued, running, retry, rate);
    }

    @Override
    public Trainer trainer() {
        return new Trainer() {
            public URI baseUrl() { return baseUrl; }
            public Duration requestTimeout() { return Duration.ofSeconds(2); }
            public Duration connectTimeout() { return Duration.ofSeconds(1); }
            public double requestsPerSecond() { return requestsPerSecond; }
        };
    }

    @Override
    public Poll poll() {
        return new Poll() {
            public Duration queuedInterval() { return queued; }
            public Duration runningInterval() { return running; }
            public Duration retryInterval() { return retry; }
        };
    }

    @Override
    public Status status() {
        return () -> Duration.ofSeconds(60);
    }

    @Override
    public DefaultCredentials defaultCredentials() {
        return new DefaultCredentials() {
            public String namespace() { return ReconcileHarness.OPERATOR_NAMESPACE; }
            public String name() { return "runcomfy-credentials"; }
            public String key() { return "token"; }
            public java.util.List<String> namespaces() { return java.util.List.of("*"); }
        };
    }

    @Override
    public Shard shard() {
        return Optional::empty;
    }

    @Override
    public LeaderElection leaderElection() {
        return new LeaderElection() {
            public boolean enabled() { return false; }
            public String leaseName() { return "lora-training-operator"; }
            public Optional<String> leaseNamespace() { return Optional.empty(); }
        };
    }
}
