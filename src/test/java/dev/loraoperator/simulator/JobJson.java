package dev.loraoperator.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders job states into the JSON shapes of trainer-api.md §2.3-2.5, keys in the documented order. */
final class JobJson {

    // .invalid never resolves, so nothing can download a simulated artifact by accident
    static final String ARTIFACT_BASE = "https://files.sim.invalid/jobs/";

    private JobJson() {
    }

    /** The short job object that submit, cancel, resume and edit answer with. */
    static Map<String, Object> job(JobState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("status", s.status());
        return m;
    }

    static Map<String, Object> status(JobState s) {
        Map<String, Object> m = job(s);
        if (!"IN_QUEUE".equals(s.status())) {
            int total = s.config().totalSteps();
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("current_step", s.step());
            progress.put("total_steps", total);
            progress.put("percent", Math.round(s.step() * 1000.0 / total) / 10.0);
            m.put("progress", progress);
        }
        m.put("error", s.error());
        m.put("created_at", iso(s.createdAt()));
        m.put("started_at", iso(s.startedAt()));
        m.put("finished_at", iso(s.finishedAt()));
        return m;
    }

    static Map<String, Object> result(JobState s) {
        String base = ARTIFACT_BASE + s.id() + "/";
        Map<String, Object> artifacts = new LinkedHashMap<>();
        artifacts.put("checkpoints", paths(base, s.checkpoints()));
        // AI Toolkit writes config.yaml when training starts, so a job still queued has none yet
        artifacts.put("config", s.startedAt() == null ? null : Map.of("path", base + "config.yaml"));
        artifacts.put("samples", paths(base, s.samples()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.status());
        m.put("artifacts", artifacts);
        m.put("error", s.error());
        return m;
    }

    /** The result error shape seen in RunComfy's own CLI tests. */
    static Map<String, Object> error(String code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        return m;
    }

    private static List<Map<String, String>> paths(String base, List<String> files) {
        return files.stream().map(f -> Map.of("path", base + f)).toList();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
