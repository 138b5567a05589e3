package dev.loraoperator.datasets;

import dev.loraoperator.api.v1alpha1.DatasetFiles;
import dev.loraoperator.api.v1alpha1.DatasetPhase;
import dev.loraoperator.api.v1alpha1.JobError;
import dev.loraoperator.api.v1alpha1.LoraDatasetStatus;
import dev.loraoperator.status.Conditions;
import dev.loraoperator.trainer.RemoteDataset;
import dev.loraoperator.trainer.RemoteFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The whole LoraDataset status, derived in one pure function from the previous status and what the pass saw and did. */
public final class DatasetStatusRules {
    public static final String READY = "Ready";
    public static final String SYNCED = "Synced";
    public static final String IN_USE = "InUse";
    private static final int EXTRA_NAMES_SHOWN = 10;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private DatasetStatusRules() {
    }

    public static LoraDatasetStatus derive(LoraDatasetStatus previous, long generation, DatasetObservation seen,
            DatasetOutcome outcome, Instant now) {
        LoraDatasetStatus before = previous == null ? new LoraDatasetStatus() : previous;
        RemoteDataset remote = outcome.created() != null ? outcome.created() : seen.remote();
        UploadPlan plan = plan(seen.files(), remote, outcome.uploaded());
        String sourceFailure = seen.sourceFailure() != null ? seen.sourceFailure() : outcome.sourceFailure();
        String remoteFailure = seen.remoteFailure() != null ? seen.remoteFailure() : outcome.remoteFailure();

        LoraDatasetStatus status = new LoraDatasetStatus();
        status.setObservedGeneration(generation);
        status.setRemoteId(remote != null ? remote.id() : before.getRemoteId());
        status.setRemoteName(remote != null ? remote.name() : before.getRemoteName());
        status.setRemoteStatus(remote != null ? remote.status() : before.getRemoteStatus());
        status.setFiles(plan == null ? before.getFiles() : new DatasetFiles(plan.desired(), plan.present(),
                plan.bytesPresent(), plan.bytesTotal(), plan.extra().size()));
        status.setLastSyncTime(remote != null ? now.toString() : before.getLastSyncTime());
        DatasetPhase phase = phase(seen, remote, plan, sourceFailure, remoteFailure, before);
        status.setPhase(phase);
        status.setError(error(seen, remote, sourceFailure, phase));
        status.setConditions(Conditions.merge(before.getConditions(), List.of(
                new Conditions.Desired(READY, phase == DatasetPhase.Ready, phase.name(), readyMessage(phase, status)),
                synced(seen, plan, sourceFailure, remoteFailure, remote)), generation, now.toString()));
        return status;
    }

    /**
     * The status while the deletion waits for the active jobs that use the dataset: as before, with Synced=False,
     * reason InUse, naming the jobs (the first ten, and how many in all).
     */
    public static LoraDatasetStatus inUse(LoraDatasetStatus previous, List<String> jobs, Instant now) {
        LoraDatasetStatus status = previous == null ? new LoraDatasetStatus()
                : JSON.convertValue(previous, LoraDatasetStatus.class);
        List<Conditions.Desired> desired = new ArrayList<>();
        Conditions.find(status.getConditions(), READY).ifPresent(ready -> desired.add(new Conditions.Desired(READY,
                Conditions.TRUE.equals(ready.getStatus()), ready.getReason(), ready.getMessage())));
        desired.add(new Conditions.Desired(SYNCED, false, IN_USE, inUseMessage(jobs)));
        // nothing new of the spec was observed: the conditions keep the generation the status was derived from
        long generation = status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
        status.setConditions(Conditions.merge(status.getConditions(), desired, generation, now.toString()));
        return status;
    }

    public static String inUseMessage(List<String> jobs) {
        List<String> shown = jobs.subList(0, Math.min(EXTRA_NAMES_SHOWN, jobs.size()));
        return "deletion waits until no active job uses the dataset; used by LoraTrainingJob"
                + (jobs.size() == 1 ? " " : "s ") + String.join(", ", shown)
                + (jobs.size() > shown.size() ? ", ... (" + jobs.size() + " in all)" : "");
    }

    private static DatasetPhase phase(DatasetObservation seen, RemoteDataset remote, UploadPlan plan,
            String sourceFailure, String remoteFailure, LoraDatasetStatus before) {
        if (seen.credentialsProblem() != null) {
            return DatasetPhase.Pending;
        }
        if (sourceFailure != null || remote != null && "FAILED".equals(remote.status())) {
            return DatasetPhase.Failed;
        }
        if (remote == null) {
            // a dataset that existed and can no longer be seen is Unknown; one never created is still Pending
            return remoteFailure != null && before.getRemoteId() != null ? DatasetPhase.Unknown : DatasetPhase.Pending;
        }
        if (plan == null || !plan.complete()) {
            return DatasetPhase.Uploading;
        }
        return switch (remote.status() == null ? "" : remote.status()) {
            case "READY" -> DatasetPhase.Ready;
            case "DRAFT", "UPLOADING" -> DatasetPhase.Processing;
            default -> DatasetPhase.Unknown;
        };
    }

    private static JobError error(DatasetObservation seen, RemoteDataset remote, String sourceFailure,
            DatasetPhase phase) {
        if (seen.credentialsProblem() != null) {
            return new JobError("MissingCredentials", seen.credentialsProblem());
        }
        if (sourceFailure != null) {
            return new JobError("SourceFailed", sourceFailure);
        }
        if (phase == DatasetPhase.Failed && remote != null) {
            return remote.error() == null ? new JobError("DatasetFailed", "RunComfy reports the dataset FAILED")
                    : new JobError(remote.error().code() == null ? "DatasetFailed" : remote.error().code(),
                            remote.error().message());
        }
        return null;
    }

    private static Conditions.Desired synced(DatasetObservation seen, UploadPlan plan, String sourceFailure,
            String remoteFailure, RemoteDataset remote) {
        if (seen.credentialsProblem() != null) {
            return new Conditions.Desired(SYNCED, false, "MissingCredentials", seen.credentialsProblem());
        }
        if (sourceFailure != null) {
            return new Conditions.Desired(SYNCED, false, "SourceFailed", sourceFailure);
        }
        if (remoteFailure != null) {
            return new Conditions.Desired(SYNCED, false, "RemoteUnavailable", remoteFailure);
        }
        if (remote == null || plan == null) {
            return new Conditions.Desired(SYNCED, false, "Creating", "the remote dataset is being created");
        }
        if (!plan.complete()) {
            return new Conditions.Desired(SYNCED, false, "Uploading",
                    plan.toUpload().size() + " of " + plan.desired() + " files still to upload");
        }
        if (!plan.extra().isEmpty()) {
            List<String> shown = plan.extra().subList(0, Math.min(EXTRA_NAMES_SHOWN, plan.extra().size()));
            return new Conditions.Desired(SYNCED, false, "ExtraFiles", "the remote dataset holds " + plan.extra().size()
                    + " files the spec no longer names, which the API cannot delete: " + String.join(", ", shown)
                    + (plan.extra().size() > shown.size() ? ", ..." : ""));
        }
        return new Conditions.Desired(SYNCED, true, "Synced", "the remote dataset holds every file of the spec");
    }

    private static String readyMessage(DatasetPhase phase, LoraDatasetStatus status) {
        String files = status.getFiles() == null ? "" : " (" + status.getFiles().getSummary() + " files)";
        return switch (phase) {
            case Ready -> "RunComfy reports the dataset READY" + files;
            case Uploading -> "uploading" + files;
            case Processing -> "every file is uploaded; RunComfy is checking them";
            case Failed -> status.getError() == null ? "failed" : status.getError().getMessage();
            case Unknown -> "the remote dataset cannot be observed";
            case Pending -> status.getError() != null ? status.getError().getMessage() : "not created remotely yet";
        };
    }

    /** The plan with this pass's uploads counted as present, so the status shows where the pass left off. */
    private static UploadPlan plan(List<DesiredFile> files, RemoteDataset remote, List<DesiredFile> uploaded) {
        if (files == null || remote == null) {
            return null;
        }
        List<RemoteFile> held = new ArrayList<>(remote.files());
        uploaded.forEach(file -> held.add(new RemoteFile(file.name(), file.size())));
        return UploadPlan.of(files, held);
    }
}
