package dev.loraoperator.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loraoperator.api.v1alpha1.DatasetPhase;
import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.LoraDatasetStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which dataset folders of a job's AI Toolkit config name a LoraDataset of the job's namespace, the RunComfy name to
 * submit for each, and which of them the job must wait for (or cannot use). A folder with no LoraDataset behind it
 * names a dataset that already exists in the RunComfy account, and is left alone.
 */
public final class DatasetBinding {
    public static final String PREFIX = "/app/ai-toolkit/datasets/";

    /** A LoraDataset a job uses: its name, phase and, for the job's condition message, its progress or error. */
    public record Use(String dataset, DatasetPhase phase, String detail) {
    }

    /**
     * @param remoteNames folder name to the RunComfy name to submit, for every used dataset that is Ready (or was,
     *     and is being deleted)
     * @param waiting used datasets not Ready yet (the job waits: DatasetsReady=False, reason DatasetNotReady)
     * @param failed used datasets that Failed (the job cannot start: Accepted=False)
     */
    public record Result(Map<String, String> remoteNames, List<Use> waiting, List<Use> failed) {
        public boolean ready() {
            return waiting.isEmpty() && failed.isEmpty();
        }
    }

    private DatasetBinding() {
    }

    /** The {@code <name>} of every config.process[].datasets[].folder_path, bare or under {@value #PREFIX}. */
    public static Set<String> folderNames(JsonNode config) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode process : config.path("config").path("process")) {
            for (JsonNode dataset : process.path("datasets")) {
                String folder = dataset.path("folder_path").asText("");
                String name = folder.startsWith(PREFIX) ? folder.substring(PREFIX.length()) : folder;
                if (!name.isEmpty() && !name.contains("/")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** @param datasetsInNamespace the LoraDatasets of the job's namespace, by metadata.name */
    public static Result resolve(Set<String> folderNames, Map<String, LoraDataset> datasetsInNamespace) {
        return resolve(folderNames, datasetsInNamespace, Map.of());
    }

    /**
     * As above, for a job that already runs on {@code recorded} (RunComfy names by folder, from its submission): such
     * a folder keeps its recorded name whatever became of its LoraDataset, so the config does not look edited (no edit
     * or resume is sent because a dataset resource went away) and a running job is not reported unacceptable.
     */
    public static Result resolve(Set<String> folderNames, Map<String, LoraDataset> datasetsInNamespace,
            Map<String, String> recorded) {
        Map<String, String> remoteNames = new LinkedHashMap<>();
        List<Use> waiting = new ArrayList<>();
        List<Use> failed = new ArrayList<>();
        for (String folder : folderNames) {
            if (recorded.containsKey(folder)) {
                // The job already runs on it: what becomes of the LoraDataset since (deleted, being deleted, failed
                // on a later change) neither changes its config nor makes it unacceptable.
                remoteNames.put(folder, recorded.get(folder));
                continue;
            }
            LoraDataset dataset = datasetsInNamespace.get(folder);
            if (dataset == null) {
                continue;
            }
            LoraDatasetStatus status = dataset.getStatus();
            DatasetPhase phase = status == null || status.getPhase() == null ? DatasetPhase.Pending : status.getPhase();
            boolean current = status != null && status.getObservedGeneration() != null
                    && status.getObservedGeneration() >= generation(dataset);
            if (dataset.getMetadata().getDeletionTimestamp() != null) {
                // No new job starts on it, but one already submitted keeps its RunComfy name while the deletion waits
                // for it: without the name, its config would look edited, and the edit would be sent to the job.
                if (phase == DatasetPhase.Ready && status.getRemoteName() != null) {
                    remoteNames.put(folder, status.getRemoteName());
                }
                failed.add(new Use(folder, phase, "the LoraDataset is being deleted"));
            } else if (phase == DatasetPhase.Failed && current) {
                failed.add(new Use(folder, phase, status.getError() == null ? "failed" : status.getError().getMessage()));
            } else if (phase == DatasetPhase.Ready && current && status.getRemoteName() != null) {
                remoteNames.put(folder, status.getRemoteName());
            } else {
                waiting.add(new Use(folder, phase, status == null || status.getFiles() == null ? phase.name()
                        : phase.name() + ", " + status.getFiles().getSummary() + " files"));
            }
        }
        return new Result(Map.copyOf(remoteNames), List.copyOf(waiting), List.copyOf(failed));
    }

    /** A copy of the config whose folder_path entries name the RunComfy datasets ({@code remoteNames}) instead. */
    public static JsonNode substitute(JsonNode config, Map<String, String> remoteNames) {
        JsonNode copy = config.deepCopy();
        for (JsonNode process : copy.path("config").path("process")) {
            for (JsonNode dataset : process.path("datasets")) {
                String folder = dataset.path("folder_path").asText("");
                String name = folder.startsWith(PREFIX) ? folder.substring(PREFIX.length()) : folder;
                if (dataset.isObject() && remoteNames.containsKey(name)) {
                    ((ObjectNode) dataset).put("folder_path", PREFIX + remoteNames.get(name));
                }
            }
        }
        return copy;
    }

    private static long generation(LoraDataset dataset) {
        Long generation = dataset.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }
}
