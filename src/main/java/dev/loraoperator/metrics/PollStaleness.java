package dev.loraoperator.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each polled job was last read successfully; answers how stale the oldest read of a cadence is now. */
final class PollStaleness {
    private record LastRead(Instant at, PollCadence cadence) {
    }

    private final Map<String, LastRead> reads = new ConcurrentHashMap<>();
    private final Clock clock;

    PollStaleness(Clock clock) {
        this.clock = clock;
    }

    void read(String uid, Instant at, PollCadence cadence) {
        reads.put(uid, new LastRead(at, cadence));
    }

    /** Keeps the last success this process saw; a process that saw none (it restarted) starts from the status's. */
    void readFailed(String uid, Instant lastKnown, PollCadence cadence) {
        reads.merge(uid, new LastRead(lastKnown, cadence), (seen, fallback) -> new LastRead(seen.at(), cadence));
    }

    void forget(String uid) {
        reads.remove(uid);
    }

    /** Seconds since the least recent successful read among the jobs polled at this cadence; 0 when there are none. */
    double oldestSeconds(PollCadence cadence) {
        Instant now = clock.instant();
        return reads.values().stream().filter(read -> read.cadence() == cadence)
                .mapToDouble(read -> Math.max(0, Duration.between(read.at(), now).toMillis() / 1000.0))
                .max().orElse(0);
    }
}
