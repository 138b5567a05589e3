package dev.loraoperator.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** All jobs by id, safe for the operator's concurrent submits and polls. */
final class JobStore {

    private final SimEnvironment env;
    private final Map<String, SimJob> byId = new ConcurrentHashMap<>();
    private final List<SimJob> inOrder = new CopyOnWriteArrayList<>(); // so jobs() lists in submit order

    JobStore(SimEnvironment env) {
        this.env = env;
    }

    SimJob create(JobConfig config, RequestBodies.Gpu gpu) {
        SimJob job = new SimJob(UUID.randomUUID().toString(), config, gpu, env);
        byId.put(job.id(), job);
        inOrder.add(job);
        return job;
    }

    /** A job as the API sees it: a vanished job answers 404 like one that never existed. */
    SimJob find(String id) {
        SimJob job = byId.get(id);
        if (job == null || job.vanished()) {
            throw ApiError.notFound();
        }
        return job;
    }

    /** A job as a test sees it, vanished or not. */
    Optional<SimJob> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<SimJob> all() {
        return List.copyOf(inOrder);
    }
}
