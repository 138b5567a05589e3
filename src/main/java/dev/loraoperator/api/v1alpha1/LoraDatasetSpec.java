package dev.loraoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** What the dataset holds and where its files come from. */
@ValidationRule(value = "has(self.remoteName) == has(oldSelf.remoteName)"
        + " && (!has(self.remoteName) || self.remoteName == oldSelf.remoteName)",
        message = "remoteName is immutable: it cannot be set, changed or removed after creation")
public class LoraDatasetSpec {

    @Pattern("^[A-Za-z0-9_-]+$")
    @JsonPropertyDescription("Name of the RunComfy dataset (letters, digits, _ and -; unique in the account). "
            + "It is the <name> in a job's folder_path /app/ai-toolkit/datasets/<name>. Default: <namespace>-<name> "
            + "with '.' replaced by '_'. Immutable.")
    private String remoteName;

    @JsonPropertyDescription("Secret key in the same namespace holding the RunComfy API token. "
            + "When absent, the operator-wide default Secret is used.")
    private SecretKeyReference credentialsSecretRef;

    @JsonPropertyDescription("Where the dataset's files come from. Each entry is one source: configMapRef, url "
            + "(or urlFrom) or archive. Media files (.jpg .jpeg .png .webp .mp4 .avi .mov .webm .mkv .wmv .m4v .flv) "
            + "go with a caption file of the same base name (.txt). A file name given twice: the last entry wins.")
    private List<DatasetFile> files = new ArrayList<>();

    @Default("Delete")
    @JsonPropertyDescription("What deleting this resource does to the remote dataset: Delete (default) deletes it; "
            + "Orphan keeps it in the RunComfy account.")
    private DatasetDeletionPolicy deletionPolicy = DatasetDeletionPolicy.Delete;

    public String getRemoteName() { return remoteName; }
    public void setRemoteName(String remoteName) { this.remoteName = remoteName; }
    public SecretKeyReference getCredentialsSecretRef() { return credentialsSecretRef; }
    public void setCredentialsSecretRef(SecretKeyReference ref) { this.credentialsSecretRef = ref; }
    public List<DatasetFile> getFiles() { return files; }
    public void setFiles(List<DatasetFile> files) { this.files = files; }
    public DatasetDeletionPolicy getDeletionPolicy() { return deletionPolicy; }
    public void setDeletionPolicy(DatasetDeletionPolicy deletionPolicy) { this.deletionPolicy = deletionPolicy; }

    public DatasetDeletionPolicy deletionPolicyOrDefault() {
        return deletionPolicy == null ? DatasetDeletionPolicy.Delete : deletionPolicy;
    }
}
