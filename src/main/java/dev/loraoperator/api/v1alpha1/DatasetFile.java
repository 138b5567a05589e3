package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** One source of dataset files: a ConfigMap, a single file at a URL, or an archive at a URL. */
@ValidationRule(value = "[has(self.configMapRef), has(self.url) || has(self.urlFrom), has(self.archive)]"
        + ".filter(k, k).size() == 1",
        message = "set exactly one source kind per entry: configMapRef, url (or urlFrom) or archive")
@ValidationRule(value = "!(has(self.url) && has(self.urlFrom))", message = "set url or urlFrom, not both")
@ValidationRule(value = "(!has(self.filename) && !has(self.sha256)) || has(self.url) || has(self.urlFrom)",
        message = "filename and sha256 belong to a url or urlFrom entry")
public class DatasetFile {

    @JsonPropertyDescription("Every key of this ConfigMap's data and binaryData is one file, named after the key.")
    private ConfigMapReference configMapRef;

    @Pattern("^https?://.+")
    @JsonPropertyDescription("http(s) URL of one file.")
    private String url;

    @JsonPropertyDescription("Read the file's URL from a Secret (for a signed or private URL).")
    private UrlSource urlFrom;

    @Pattern("^[^/\\\\]+$")
    @JsonPropertyDescription("Name of the file in the dataset. Default: the last segment of the URL's path.")
    private String filename;

    @Pattern("^[A-Fa-f0-9]{64}$")
    @JsonPropertyDescription("Expected SHA-256 of the file, hex; a mismatch fails the dataset.")
    private String sha256;

    @JsonPropertyDescription("An archive whose media and caption files are unpacked into the dataset.")
    private ArchiveSource archive;

    public ConfigMapReference getConfigMapRef() { return configMapRef; }
    public void setConfigMapRef(ConfigMapReference configMapRef) { this.configMapRef = configMapRef; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public UrlSource getUrlFrom() { return urlFrom; }
    public void setUrlFrom(UrlSource urlFrom) { this.urlFrom = urlFrom; }
    public String getFilename() { return filename; }
    public void setFilename(String filename) { this.filename = filename; }
    public String getSha256() { return sha256; }
    public void setSha256(String sha256) { this.sha256 = sha256; }
    public ArchiveSource getArchive() { return archive; }
    public void setArchive(ArchiveSource archive) { this.archive = archive; }
}
