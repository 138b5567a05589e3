package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How many of the desired files the remote dataset holds. */
public class DatasetFiles {
    @JsonPropertyDescription("Files the spec's sources yield.")
    private Integer desired;
    @JsonPropertyDescription("Desired files the remote dataset holds with the desired size.")
    private Integer uploaded;
    @JsonPropertyDescription("Bytes of the desired files the remote dataset holds.")
    private Long bytesUploaded;
    @JsonPropertyDescription("Bytes of all desired files.")
    private Long bytesTotal;
    @JsonPropertyDescription("Remote files no longer in the spec (a remote file cannot be removed; see the Synced condition).")
    private Integer extra;
    @JsonPropertyDescription("Human summary shown by kubectl get, e.g. 12/40.")
    private String summary;
    @JsonPropertyDescription("Human size shown by kubectl get, e.g. 1.2 GiB.")
    private String size;

    public DatasetFiles() {
    }

    public DatasetFiles(int desired, int uploaded, long bytesUploaded, long bytesTotal, int extra) {
        this.desired = desired;
        this.uploaded = uploaded;
        this.bytesUploaded = bytesUploaded;
        this.bytesTotal = bytesTotal;
        this.extra = extra;
        this.summary = uploaded + "/" + desired;
        this.size = humanBytes(bytesTotal);
    }

    /** Binary units, one decimal: what kubectl users read at a glance. */
    static String humanBytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public Integer getDesired() { return desired; }
    public void setDesired(Integer desired) { this.desired = desired; }
    public Integer getUploaded() { return uploaded; }
    public void setUploaded(Integer uploaded) { this.uploaded = uploaded; }
    public Long getBytesUploaded() { return bytesUploaded; }
    public void setBytesUploaded(Long bytesUploaded) { this.bytesUploaded = bytesUploaded; }
    public Long getBytesTotal() { return bytesTotal; }
    public void setBytesTotal(Long bytesTotal) { this.bytesTotal = bytesTotal; }
    public Integer getExtra() { return extra; }
    public void setExtra(Integer extra) { this.extra = extra; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getSize() { return size; }
    public void setSize(String size) { this.size = size; }
}
