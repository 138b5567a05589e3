package dev.loraoperator.reconciler;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many passes each resource has had, by uid: proof that the operator looked at a resource again (a test that
 * asserts "nothing was sent" waits for it, instead of sleeping and hoping).
 */
@ApplicationScoped
public class PassCounter {
    private final Map<String, Long> passes = new ConcurrentHashMap<>();

    void completed(String uid) {
        passes.merge(uid, 1L, Long::sum);
    }

    void forget(String uid) {
        passes.remove(uid);
    }

    public long passes(String uid) {
        return passes.getOrDefault(uid, 0L);
    }
}
