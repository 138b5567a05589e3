package dev.loraoperator.simulator;

import java.util.Set;

/** One simulated training job: identity, config and GPU choice, with every change made under the job's lock. */
final class SimJob {

    private static final Set<String> CANCELLABLE = Set.of("IN_QUEUE", "RUNNING", "RESUMING");
    private static final Set<String> RESTARTABLE = Set.of("STOPPED", "FAILED", "CANCELED");

    private final String id;
    private final SimEnvironment env;
    private final JobProgress progress;
    private JobConfig config;
    private RequestBodies.Gpu gpu;
    private boolean vanished;

    SimJob(String id, JobConfig config, RequestBodies.Gpu gpu, SimEnvironment env) {
        this.id = id;
        this.config = config;
        this.gpu = gpu;
        this.env = env;
        this.progress = new JobProgress(env);
    }

    String id() {
        return id;
    }

    synchronized JobState state() {
        progress.refresh(config);
        return progress.snapshot(id, config, gpu);
    }

    /** The state without catching up with the timeline: a submit always answers IN_QUEUE, as RunComfy's does. */
    synchronized JobState peek() {
        return progress.snapshot(id, config, gpu);
    }

    synchronized boolean vanished() {
        return vanished;
    }

    synchronized RequestBodies.Gpu gpu() {
        return gpu;
    }

    // ---- API transitions: the state rules of trainer-api.md §2.6-2.8. They answer without a second refresh,
    // so the caller sees e.g. RESUMING even when the timeline would move on at once.

    synchronized JobState cancel() {
        progress.refresh(config);
        if (!CANCELLABLE.contains(progress.status())) {
            throw ApiError.conflict(40951, "job is not cancellable in state " + env.render(progress.status()));
        }
        progress.end("CANCELED");
        return progress.snapshot(id, config, gpu);
    }

    synchronized JobState resume(RequestBodies.Gpu newGpu) {
        progress.refresh(config);
        if (!RESTARTABLE.contains(progress.status())) {
            throw ApiError.conflict(40952, "job is not resumable in state " + env.render(progress.status()));
        }
        gpu = newGpu;
        progress.requeue();
        return progress.snapshot(id, config, gpu);
    }

    synchronized JobState edit(JobConfig newConfig) {
        progress.refresh(config);
        if (!RESTARTABLE.contains(progress.status())) {
            throw ApiError.conflict(40953, "job is not editable in state " + env.render(progress.status()));
        }
        if (!newConfig.name().equals(config.name())) {
            throw new ApiError(422, 42252, "config.name must stay \"" + config.name() + "\"");
        }
        config = newConfig;
        return progress.snapshot(id, config, gpu);
    }

    // ---- test controls: no state rules, so a test can stage any situation

    synchronized void start() {
        progress.refresh(config);
        progress.start(config);
    }

    synchronized void advanceTo(int step) {
        progress.refresh(config);
        progress.advanceTo(config, step);
    }

    synchronized void complete() {
        progress.refresh(config);
        progress.complete(config);
    }

    synchronized void stopEarly() {
        progress.refresh(config);
        progress.reclaim();
    }

    synchronized void fail(Object error) {
        progress.refresh(config);
        progress.fail(error);
    }

    synchronized void status(String verbatim) {
        progress.refresh(config);
        progress.status(verbatim);
    }

    synchronized void vanish() {
        vanished = true;
    }
}
