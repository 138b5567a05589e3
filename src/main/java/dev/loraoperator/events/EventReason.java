package dev.loraoperator.events;

/** Why the operator emitted an Event; the names are the Event reasons users see in kubectl describe. */
public enum EventReason {
    InvalidConfig(true),
    ConfigAdjusted(false),
    MissingCredentials(true),
    MissingConfigSource(true),
    Submitted(false),
    SubmissionRefused(true),
    SubmissionDeferred(true),
    SubmissionUncertain(true),
    Adopted(false),
    AdoptConflict(true),
    RetryingSubmission(false),
    Queued(false),
    Running(false),
    Succeeded(false),
    Interrupted(true),
    Failed(true),
    Canceled(false),
    Suspended(false),
    PollFailed(true),
    UnknownRemoteStatus(true),
    CancelRequested(false),
    CancelFailed(true),
    DatasetFailed(true),
    DatasetNotReady(false),
    CredentialsGone(true),
    RemoteJobReleased(false),
    RemoteJobOrphaned(true),
    Resumed(false),
    AutoResumed(false),
    ResumeFailed(true),
    ConfigChangeWaiting(false),
    ConfigEdited(false),
    EditFailed(true),
    DeadlineExceeded(true),
    DatasetCreated(false),
    FilesUploaded(false),
    DatasetProgress(false),
    DatasetReady(false),
    RemoteDatasetDeleted(false),
    RemoteDatasetOrphaned(true),
    DeleteFailed(true),
    InUse(false);

    private final boolean warning;

    EventReason(boolean warning) {
        this.warning = warning;
    }

    public String type() {
        return warning ? "Warning" : "Normal";
    }
}
