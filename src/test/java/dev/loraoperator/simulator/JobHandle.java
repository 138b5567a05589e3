package dev.loraoperator.simulator;

/**
 * Test controls for one job. They skip the API's state rules so that a test can stage any situation, and they
 * move the job immediately whatever the timeline says.
 */
public final class JobHandle {

    private final SimJob job;

    JobHandle(SimJob job) {
        this.job = job;
    }

    public String id() {
        return job.id();
    }

    public JobSnapshot snapshot() {
        return JobSnapshot.of(job.state());
    }

    /** IN_QUEUE (or anything) to RUNNING at the current step. */
    public JobHandle start() {
        job.start();
        return this;
    }

    /** RUNNING at {@code step}, with the checkpoints and samples of the steps passed; reaching the total completes. */
    public JobHandle advanceTo(int step) {
        job.advanceTo(step);
        return this;
    }

    /** All steps done: STOPPED at total steps with the final {@code <name>.safetensors}. */
    public JobHandle complete() {
        job.complete();
        return this;
    }

    /** Preemption: STOPPED below total steps, the error saying the server was reclaimed. */
    public JobHandle stopEarly() {
        job.stopEarly();
        return this;
    }

    /** FAILED with {@code {"code": code, "message": message}} as error. */
    public JobHandle fail(String code, String message) {
        job.fail(JobJson.error(code, message));
        return this;
    }

    /** FAILED with the error as a bare JSON string, which clients must tolerate (trainer-api.md §7). */
    public JobHandle failWithStringError(String message) {
        job.fail(message);
        return this;
    }

    /** Any status, kept verbatim, e.g. one RunComfy might add later; the timeline leaves such a job alone. */
    public JobHandle setStatus(String status) {
        job.status(status);
        return this;
    }

    /** From now on every call about this job answers 404, as if RunComfy had lost it. */
    public JobHandle vanish() {
        job.vanish();
        return this;
    }
}
