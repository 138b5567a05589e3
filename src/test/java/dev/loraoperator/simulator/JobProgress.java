package dev.loraoperator.simulator;

import java.time.Instant;

/** Where a job is in its lifecycle and how far it has trained, moved by the timeline or by test controls. */
final class JobProgress {

    // Not thread-safe on its own: SimJob calls it under the job's lock.
    private final SimEnvironment env;
    private final Artifacts artifacts = new Artifacts();
    private final Instant createdAt;
    private String status = "IN_QUEUE";
    private int step;
    private Object error; // null, an object, or a bare string to exercise lenient clients
    private Instant queuedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant anchor; // progress after the anchor comes from the timeline
    private int anchorStep;
    private boolean preempted; // the simulator-wide preemption hits each job only once

    JobProgress(SimEnvironment env) {
        this.env = env;
        this.createdAt = env.now();
        this.queuedAt = createdAt;
    }

    String status() {
        return status;
    }

    /** Catches up with the timeline; a manual timeline never moves a job. */
    void refresh(JobConfig config) {
        Timeline timeline = env.timeline();
        if (timeline.isManual()) {
            return;
        }
        Instant now = env.now();
        // RESUMING is only what the resume call answers; afterwards the job waits in the queue again
        if ("RESUMING".equals(status)) {
            status = "IN_QUEUE";
        }
        if ("IN_QUEUE".equals(status) && timeline.queueOver(queuedAt, now)) {
            beginRun(config, queuedAt.plus(timeline.queueDuration()));
        }
        if ("RUNNING".equals(status)) {
            advance(config, anchorStep + timeline.stepsBetween(anchor, now));
        }
    }

    void start(JobConfig config) {
        beginRun(config, env.now());
    }

    void advanceTo(JobConfig config, int target) {
        if (target < step) {
            throw new IllegalArgumentException("job is at step " + step + ", cannot go back to " + target);
        }
        runFromNow(config);
        advance(config, target);
        if ("RUNNING".equals(status)) {
            // the timeline carries on from here, not from where it was before the test stepped in
            anchor = env.now();
            anchorStep = step;
        }
    }

    void complete(JobConfig config) {
        runFromNow(config);
        moveTo(config, config.totalSteps());
        completeRun(config);
    }

    /** Preemption: RunComfy says STOPPED below total steps and explains it only through the error. */
    void reclaim() {
        reclaimAt(env.now());
    }

    void fail(Object failure) {
        error = failure;
        end("FAILED");
    }

    void status(String verbatim) {
        status = verbatim;
    }

    void end(String terminal) {
        endAt(terminal, env.now());
    }

    /** AI Toolkit restarts from its newest checkpoint, so steps trained after it are trained again. */
    void requeue() {
        step = artifacts.latestCheckpointStep();
        status = "RESUMING";
        error = null;
        finishedAt = null;
        queuedAt = env.now();
    }

    JobState snapshot(String id, JobConfig config, RequestBodies.Gpu gpu) {
        return new JobState(id, config, env.render(status), step, error, createdAt, startedAt, finishedAt,
                gpu.type(), gpu.count(), artifacts.checkpointFiles(config.name()), artifacts.sampleFiles());
    }

    /** A test control moves the job now: re-anchoring first makes every step it passes dated now. */
    private void runFromNow(JobConfig config) {
        if ("RUNNING".equals(status)) {
            anchor = env.now();
            anchorStep = step;
        } else {
            beginRun(config, env.now());
        }
    }

    private void beginRun(JobConfig config, Instant at) {
        status = "RUNNING";
        startedAt = at;
        anchor = at;
        anchorStep = step;
        if (step == 0) {
            artifacts.baseline(config, at.toEpochMilli());
        }
    }

    private void advance(JobConfig config, long target) {
        int goal = (int) Math.min(target, config.totalSteps());
        int preemptAt = env.preemptStep(config.totalSteps());
        if (!preempted && preemptAt > step && preemptAt <= goal && preemptAt < config.totalSteps()) {
            preempted = true;
            moveTo(config, preemptAt);
            reclaimAt(reachedAt(preemptAt));
            return;
        }
        moveTo(config, goal);
        if (step >= config.totalSteps()) {
            completeRun(config);
        }
    }

    private void moveTo(JobConfig config, int goal) {
        artifacts.passed(step, goal, config, s -> reachedAt(s).toEpochMilli());
        step = Math.max(step, goal);
    }

    private void completeRun(JobConfig config) {
        Instant at = reachedAt(config.totalSteps());
        artifacts.finish(config, at.toEpochMilli());
        endAt("STOPPED", at);
    }

    private void reclaimAt(Instant at) {
        error = JobJson.error("TRAINING_ERROR", "Job failed: server was reclaimed.");
        endAt("STOPPED", at);
    }

    private void endAt(String terminal, Instant at) {
        status = terminal;
        finishedAt = at;
    }

    /** Dates a step by the timeline, so a job polled late still shows the finish time and sample names it had. */
    private Instant reachedAt(int target) {
        return env.timeline().reachedAt(anchor, anchorStep, target, env.now());
    }
}
