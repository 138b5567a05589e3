package dev.loraoperator.credentials;

import io.fabric8.kubernetes.api.model.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets as last read from the API server, each read again at most once per refresh interval (or at once after
 * {@link #invalidate}), so reconciles do not read a Secret every time. A TTL rather than a watch: watching Secrets
 * would need list/watch permission on every Secret in every namespace, and hold them all in memory.
 */
final class SecretCache {
    /** Reads one Secret from the API server; null when it does not exist. */
    interface Reader {
        Secret read(String namespace, String name);
    }

    private record Id(String namespace, String name) {
    }

    private record Entry(Optional<Secret> secret, Instant readAt) {
    }

    private final Reader reader;
    private final Duration refreshInterval;
    private final Clock clock;
    private final Map<Id, Entry> entries = new ConcurrentHashMap<>();

    SecretCache(Reader reader, Duration refreshInterval, Clock clock) {
        this.reader = reader;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    /** The Secret, or empty when it does not exist; read from the API server when not read within the interval. */
    Optional<Secret> get(String namespace, String name) {
        Id id = new Id(namespace, name);
        Instant now = clock.instant();
        Entry entry = entries.get(id);
        if (entry == null || !now.isBefore(entry.readAt().plus(refreshInterval))) {
            // Read outside any lock: two reconciles may both read once; neither waits on the other's I/O.
            entry = new Entry(Optional.ofNullable(reader.read(namespace, name)), now);
            entries.put(id, entry);
        }
        return entry.secret();
    }

    /** The next {@link #get} reads the Secret again (e.g. after the API refused its token). */
    void invalidate(String namespace, String name) {
        entries.remove(new Id(namespace, name));
    }
}
