package dev.loraoperator.scale;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The simulator's jobs summed up: how many were submitted (and how many of those twice), the status and result
 * reads they got, and the least a poller exactly on time would need.
 *
 * @param lastSubmit when the simulator received the last job, in epoch milliseconds
 */
record RemoteTally(int submits, int duplicates, long lastSubmit, double statusReads, double statusMinimum,
        double resultReads, double resultBound) {

    /** {@code jobs} as {@link BenchSimulator} reports them. */
    static RemoteTally of(JsonNode jobs, long pollMillis) {
        Set<String> names = new HashSet<>();
        int duplicates = 0;
        long lastSubmit = 0;
        double statusReads = 0;
        double statusMinimum = 0;
        double resultReads = 0;
        double resultBound = 0;
        for (JsonNode job : jobs) {
            lastSubmit = Math.max(lastSubmit, job.path("createdAt").asLong());
            statusReads += job.path("requests").path("STATUS").asInt();
            resultReads += job.path("requests").path("RESULT").asInt();
            if (!names.add(job.path("name").asText())) {
                duplicates++; // its calls are spent, but following the resource never needed them
                continue;
            }
            // a read each poll interval from the submit; the first one after the end sees the final state
            long life = job.path("finishedAt").asLong() - job.path("createdAt").asLong();
            statusMinimum += Math.max(1, Math.ceil(life / (double) pollMillis));
            resultBound += job.path("checkpoints").asInt() + 1;
        }
        return new RemoteTally(jobs.size(), duplicates, lastSubmit, statusReads, statusMinimum, resultReads,
                resultBound);
    }

    /** All calls ÷ (one submit per job + the status minimum + one result read per checkpoint and one at the end). */
    double callsOverMinimum() {
        int jobs = submits - duplicates;
        return (submits + statusReads + resultReads) / (jobs + statusMinimum + resultBound);
    }
}
