package dev.loraoperator.datasets;

import dev.loraoperator.trainer.RemoteFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the remote dataset lacks, compared by name and size: files to upload (missing, or of another size) and
 * remote files the spec no longer names (reported: the API cannot delete one file).
 */
public record UploadPlan(List<DesiredFile> toUpload, List<String> extra, int present, long bytesPresent,
        long bytesTotal, int desired) {

    /** A file name given twice: the later entry wins, in the place of the first. */
    public static UploadPlan of(List<DesiredFile> desired, List<RemoteFile> remote) {
        Map<String, DesiredFile> wanted = new LinkedHashMap<>();
        desired.forEach(file -> wanted.put(file.name(), file));
        Map<String, Long> held = new LinkedHashMap<>();
        remote.forEach(file -> held.put(file.filename(), file.sizeBytes()));
        List<DesiredFile> toUpload = new ArrayList<>();
        int present = 0;
        long bytesPresent = 0;
        long bytesTotal = 0;
        for (DesiredFile file : wanted.values()) {
            bytesTotal += file.size();
            Long size = held.get(file.name());
            if (size != null && size == file.size()) {
                present++;
                bytesPresent += file.size();
            } else {
                toUpload.add(file);
            }
        }
        List<String> extra = held.keySet().stream().filter(name -> !wanted.containsKey(name)).sorted().toList();
        return new UploadPlan(List.copyOf(toUpload), extra, present, bytesPresent, bytesTotal, wanted.size());
    }

    public boolean complete() {
        return toUpload.isEmpty();
    }
}
