package dev.loraoperator.simulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the simulator received, in arrival order. */
final class RequestLog {

    private final List<RecordedRequest> records = new CopyOnWriteArrayList<>();

    void add(RecordedRequest request) {
        records.add(request);
    }

    List<RecordedRequest> all() {
        return List.copyOf(records);
    }

    int count(Operation op) {
        return (int) records.stream().filter(r -> r.operation() == op).count();
    }

    int count(Operation op, String jobId) {
        return (int) records.stream().filter(r -> r.operation() == op && jobId.equals(r.jobId())).count();
    }

    void clear() {
        records.clear();
    }
}
