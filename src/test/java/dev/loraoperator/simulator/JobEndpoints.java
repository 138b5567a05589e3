package dev.loraoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The six job operations with the validation and state rules of trainer-api.md; HTTP lives in SimulatorHandler. */
final class JobEndpoints {

    private final JobStore store;

    JobEndpoints(JobStore store) {
        this.store = store;
    }

    Reply handle(Route route, String body) {
        try {
            String id = route.jobId();
            return ok(switch (route.operation()) {
                case SUBMIT -> JobJson.job(submit(body));
                case STATUS -> JobJson.status(store.find(id).state());
                case RESULT -> JobJson.result(store.find(id).state());
                case CANCEL -> JobJson.job(store.find(id).cancel());
                case RESUME -> JobJson.job(resume(store.find(id), body));
                case EDIT -> JobJson.job(edit(store.find(id), body));
                default -> throw new IllegalArgumentException("not a job operation: " + route.operation());
            });
        } catch (ApiError e) {
            return Reply.error(e.status(), e.code(), e.getMessage());
        }
    }

    private JobState submit(String body) {
        JsonNode request = RequestBodies.object(body, false);
        JobConfig config = RequestBodies.config(request);
        RequestBodies.Gpu gpu = RequestBodies.gpu(request, null);
        return store.create(config, gpu).peek();
    }

    /** Whether resume takes gpu_type/gpu_count is unconfirmed (§2.7); recording them lets tests see what was sent. */
    private JobState resume(SimJob job, String body) {
        JsonNode request = RequestBodies.object(body, true);
        return job.resume(RequestBodies.gpu(request, job.gpu()));
    }

    private JobState edit(SimJob job, String body) {
        return job.edit(RequestBodies.config(RequestBodies.object(body, false)));
    }

    private static Reply ok(Map<String, Object> body) {
        return Reply.json(200, body);
    }
}
