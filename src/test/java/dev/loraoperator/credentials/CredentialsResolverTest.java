package dev.loraoperator.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loraoperator.api.v1alpha1.LoraTrainingJob;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobSpec;
import dev.loraoperator.api.v1alpha1.SecretKeyReference;
import dev.loraoperator.simulator.MutableClock;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where tokens come from, how often Secrets are read, and what is kept for a cancel after the Secret is gone. */
class CredentialsResolverTest {
    private static final Duration REFRESH = Duration.ofSeconds(30);
    private static final String TOKEN = "sk-unit-0123456789abcdef";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    /** The fake API server: Secrets by namespace/name, and every read made. */
    private final Map<String, Secret> cluster = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    private CredentialsResolver resolver(String... defaultServes) {
        return new CredentialsResolver((namespace, name) -> {
            reads.add(namespace + "/" + name);
            return cluster.get(namespace + "/" + name);
        }, new DefaultSecret("operator", "runcomfy", "token",
                defaultServes.length == 0 ? List.of(DefaultSecret.ALL_NAMESPACES) : List.of(defaultServes)), REFRESH,
                clock);
    }

    private void secret(String namespace, String name, String key, String value, String resourceVersion) {
        cluster.put(namespace + "/" + name, new SecretBuilder().withMetadata(new ObjectMetaBuilder().withNamespace(namespace)
                .withName(name).withUid("uid-" + name).withResourceVersion(resourceVersion).build())
                .withStringData(Map.of(key, value)).build());
    }

    private static LoraTrainingJob job(String namespace, String uid, SecretKeyReference ref) {
        LoraTrainingJob job = new LoraTrainingJob();
        job.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName("j").withUid(uid).build());
        job.setSpec(new LoraTrainingJobSpec());
        job.getSpec().setCredentialsSecretRef(ref);
        return job;
    }

    @Test
    void aSecretIsReadAtMostOncePerRefreshIntervalAndAtOnceAfterInvalidate() {
        secret("team", "own", "api-token", TOKEN, "1");
        CredentialsResolver resolver = resolver();
        LoraTrainingJob job = job("team", "u1", new SecretKeyReference("own", "api-token"));
        for (int i = 0; i < 11; i++) {
            assertThat(resolver.resolve(job).available()).isTrue();
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(reads).containsExactly("team/own");

        clock.advance(Duration.ofSeconds(8)); // 30 s after the first read
        resolver.resolve(job);
        assertThat(reads).hasSize(2);

        resolver.invalidate(job);
        resolver.resolve(job);
        assertThat(reads).hasSize(3);
    }

    @Test
    void aChangedSecretTakesEffectWithinTheIntervalAndChangesTheFingerprint() {
        secret("team", "own", "api-token", TOKEN, "1");
        CredentialsResolver resolver = resolver();
        LoraTrainingJob job = job("team", "u1", new SecretKeyReference("own", "api-token"));
        Credentials before = resolver.resolve(job);
        secret("team", "own", "api-token", TOKEN + "-rotated", "2");
        assertThat(resolver.resolve(job).fingerprint()).isEqualTo(before.fingerprint());
        clock.advance(REFRESH);
        Credentials after = resolver.resolve(job);
        assertThat(after.token()).isNotEqualTo(before.token());
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint()).doesNotContain(TOKEN);
        assertThat(before.fingerprint()).isEqualTo("secret:uid-own@1");
    }

    @Test
    void aMissingSecretIsCachedTooAndNoticedOnceTheIntervalPassed() {
        CredentialsResolver resolver = resolver();
        LoraTrainingJob job = job("team", "u1", new SecretKeyReference("own", "api-token"));
        assertThat(resolver.resolve(job).problem()).isEqualTo("Secret team/own does not exist; create it with the "
                + "RunComfy API token under key api-token: kubectl -n team create secret generic own "
                + "--from-literal=api-token=<token>");
        secret("team", "own", "api-token", TOKEN, "1");
        assertThat(resolver.resolve(job).available()).isFalse();
        clock.advance(REFRESH);
        assertThat(resolver.resolve(job).available()).isTrue();
    }

    @Test
    void theMissingDefaultSecretMessageOffersTheOwnSecretWayOut() {
        String problem = resolver().resolve(job("team", "u1", null)).problem();
        assertThat(problem).isEqualTo("the operator's default Secret operator/runcomfy does not exist; create it with the "
                + "RunComfy API token under key token (kubectl -n operator create secret generic runcomfy "
                + "--from-literal=token=<token>), or set spec.credentialsSecretRef to a Secret in namespace team");
    }

    @Test
    void theDefaultSecretServesOnlyTheNamespacesAllowed() {
        secret("operator", "runcomfy", "token", TOKEN, "1");
        CredentialsResolver resolver = resolver("team-a", "team-b");
        assertThat(resolver.resolve(job("team-a", "u1", null)).available()).isTrue();
        Credentials elsewhere = resolver.resolve(job("intruder", "u2", null));
        assertThat(elsewhere.available()).isFalse();
        assertThat(elsewhere.problem()).contains("does not serve namespace intruder")
                .contains("lora-operator.default-credentials.namespaces").contains("spec.credentialsSecretRef");
        assertThat(reads).containsExactly("operator/runcomfy");

        secret("intruder", "own", "api-token", TOKEN, "1");
        assertThat(resolver.resolve(job("intruder", "u2", new SecretKeyReference("own", "api-token"))).available())
                .isTrue();
    }

    @Test
    void aTokenWithALineBreakOrControlCharactersIsAProblemThatDoesNotShowIt() {
        CredentialsResolver resolver = resolver();
        LoraTrainingJob job = job("team", "u1", new SecretKeyReference("own", "api-token"));
        secret("team", "own", "api-token", "sk-first-half\nsk-second-half", "1");
        Credentials broken = resolver.resolve(job);
        assertThat(broken.available()).isFalse();
        assertThat(broken.problem()).isEqualTo("Secret team/own, key api-token, does not hold a usable RunComfy API "
                + "token: it contains a line break (one token, on one line, is expected)");

        for (String bad : List.of("sk-tab\tinside", "sk-bell\u0007", "sk-space inside", "sk-\u00e9")) {
            secret("team", "own", "api-token", bad, "2");
            clock.advance(REFRESH);
            Credentials refused = resolver.resolve(job);
            assertThat(refused.available()).as(bad).isFalse();
            assertThat(refused.problem()).as(bad).doesNotContain("sk-");
        }

        secret("team", "own", "api-token", "  " + TOKEN + "\n", "3");
        clock.advance(REFRESH);
        assertThat(resolver.resolve(job).available()).as("surrounding whitespace, as echo leaves it").isTrue();
    }

    @Test
    void theLastTokenOfAResourceOutlivesItsSecretUntilForgotten() {
        secret("team", "own", "api-token", TOKEN, "1");
        CredentialsResolver resolver = resolver();
        LoraTrainingJob job = job("team", "u1", new SecretKeyReference("own", "api-token"));
        Credentials found = resolver.resolve(job);

        cluster.clear(); // the namespace is being deleted: its Secrets go with it
        clock.advance(REFRESH);
        assertThat(resolver.resolve(job).available()).isFalse();
        assertThat(resolver.lastKnown("u1")).contains(found);
        assertThat(resolver.lastKnown("another")).isEmpty();

        resolver.forget("u1");
        assertThat(resolver.lastKnown("u1")).isEmpty();
    }
}
