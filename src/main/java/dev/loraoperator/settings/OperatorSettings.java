package dev.loraoperator.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every operator setting, typed, with its default; each is settable by environment variable (LORA_OPERATOR_...). */
@ConfigMapping(prefix = "lora-operator")
public interface OperatorSettings {

    /** How to reach the RunComfy Trainer API. */
    Trainer trainer();

    /** How often remote jobs are read. */
    Poll poll();

    /** How often the status of a resource is written. */
    Status status();

    /** The Secret used when a LoraTrainingJob names no credentialsSecretRef. */
    DefaultCredentials defaultCredentials();

    /** Whether replicas elect one leader (a coordination.k8s.io Lease) so that only one reconciles at a time. */
    LeaderElection leaderElection();

    /** Which LoraTrainingJobs this operator instance owns, when several instances (shards) share a cluster. */
    Shard shard();

    /** How to reach the RunComfy Trainer API. */
    interface Trainer {
        /** Base URL of the Trainer API (paths /prod/v1/trainers/... are appended). */
        @WithDefault("https://trainer-api.runcomfy.net")
        URI baseUrl();

        /** Time allowed for one request, from sending to the full response. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** Time allowed to open a connection; a request that cannot connect was never sent. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Requests per second to the Trainer API, shared by all resources (a global rate limit). */
        @WithDefault("5")
        double requestsPerSecond();
    }

    /** How often remote jobs are read. */
    interface Poll {
        /** Interval between status reads of a queued job (queues move slowly). */
        @WithDefault("60s")
        Duration queuedInterval();

        /** Interval between status reads of a running job. */
        @WithDefault("20s")
        Duration runningInterval();

        /** Interval before re-checking something the user must fix (missing Secret or ConfigMap) or retrying a failed read. */
        @WithDefault("30s")
        Duration retryInterval();
    }

    /** How often the status of a resource is written. */
    interface Status {
        /**
         * Progress-only changes (the step count) are written at most this often; phase, conditions, errors and
         * artifacts are written at once. Spares the Kubernetes API server a write on every poll of a running job.
         */
        @WithDefault("60s")
        Duration progressWriteInterval();
    }

    /** The Secret used when a LoraTrainingJob names no credentialsSecretRef. */
    interface DefaultCredentials {
        /** Namespace of the default credentials Secret (usually the operator's own). */
        @WithDefault("lora-training-operator")
        String namespace();

        /** Name of the default credentials Secret. */
        @WithDefault("runcomfy-credentials")
        String name();

        /** Key in the default credentials Secret that holds the API token. */
        @WithDefault("token")
        String key();

        /**
         * Namespaces whose jobs may use the default credentials Secret when they name none (* for all). Jobs in other
         * namespaces must name a Secret of their own in spec.credentialsSecretRef.
         */
        @WithDefault("*")
        List<String> namespaces();
    }

    /** Whether replicas elect one leader (a coordination.k8s.io Lease) so that only one reconciles at a time. */
    interface LeaderElection {
        /**
         * Take part in leader election; needed as soon as two operator processes can run at once (more than one
         * replica, or the overlap of a rolling update). Only active in the prod profile (QOSDK's default).
         */
        @WithDefault("false")
        boolean enabled();

        /** Name of the Lease the replicas compete for. */
        @WithDefault("lora-training-operator")
        String leaseName();

        /** Namespace of the Lease; absent: the namespace the operator runs in (from its service account). */
        Optional<String> leaseNamespace();
    }

    /**
     * Which LoraTrainingJobs this operator instance owns, when several instances (shards) share a cluster. The
     * selector feeds the Quarkus Operator SDK's controller selector (application.properties), so the API server
     * sends this instance only the resources it owns; each shard also needs a Lease name of its own.
     */
    interface Shard {
        /**
         * Kubernetes label selector of the resources this instance reconciles, e.g. {@code lora-operator.dev/shard=a}
         * or {@code lora-operator.dev/shard notin (a,b)}; absent: all of them. Shards' selectors must not overlap,
         * and together they must cover every resource, or some resources have no owner.
         */
        Optional<String> selector();
    }
}
