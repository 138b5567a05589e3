package dev.loraoperator.simulator;

import java.util.Map;
import java.util.TreeMap;

/** A dataset as a test sees it: id, name, derived status and the stored files (name to size). */
public record DatasetSnapshot(String id, String name, String status, Map<String, Long> files) {
    static DatasetSnapshot of(SimDataset dataset, String status) {
        Map<String, Long> sizes = new TreeMap<>();
        dataset.files().values().forEach(f -> sizes.put(f.filename(), f.size()));
        return new DatasetSnapshot(dataset.id(), dataset.name(), status, Map.copyOf(sizes));
    }
}
