package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** An archive at a URL, unpacked while it streams; only media and caption files are taken. */
@ValidationRule(value = "has(self.url) != has(self.urlFrom)", message = "set exactly one of archive.url or archive.urlFrom")
public class ArchiveSource {
    @Pattern("^https?://.+")
    @JsonPropertyDescription("http(s) URL of the archive.")
    private String url;

    @JsonPropertyDescription("Read the archive's URL from a Secret (for a signed or private URL).")
    private UrlSource urlFrom;

    @Required
    @JsonPropertyDescription("Archive format: zip, tar or tar.gz. Entries with an absolute path, a '..' segment or "
            + "a link fail the dataset; files other than media and .txt captions are skipped.")
    private ArchiveFormat format;

    @Pattern("^[A-Fa-f0-9]{64}$")
    @JsonPropertyDescription("Expected SHA-256 of the whole archive, hex; a mismatch fails the dataset.")
    private String sha256;

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public UrlSource getUrlFrom() { return urlFrom; }
    public void setUrlFrom(UrlSource urlFrom) { this.urlFrom = urlFrom; }
    public ArchiveFormat getFormat() { return format; }
    public void setFormat(ArchiveFormat format) { this.format = format; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
}
