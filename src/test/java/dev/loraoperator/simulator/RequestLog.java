package dev.loraoperator.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every request the simulator received, in arrival order. A plain list under a lock rather than a copy-on-write
 * one: the benchmark records tens of thousands of requests, and copying the whole log on each would cost the
 * simulator more CPU than answering them.
 */
final class RequestLog {

    private final List<RecordedRequest> records = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        records.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(records);
    }

    synchronized int count(Operation op) {
        return (int) records.stream().filter(r -> r.operation() == op).count();
    }

    synchronized int count(Operation op, String jobId) {
        return (int) records.stream().filter(r -> r.operation() == op && jobId.equals(r.jobId())).count();
    }

    synchronized void clear() {
        records.clear();
    }
}
