package dev.loraoperator.datasets;

/** Decides, purely, the one remote change of a pass from what it observed. */
public final class DatasetDecider {
    /** One pass uploads at most this many files or (past the first file) bytes, so a pass stays short. */
    static final int MAX_FILES_PER_PASS = 200;
    static final long MAX_BYTES_PER_PASS = 1L << 30;

    private DatasetDecider() {
    }

    public static DatasetDecision decide(DatasetObservation seen, String remoteName) {
        if (seen.credentialsProblem() != null || seen.sourceFailure() != null) {
            return new DatasetDecision.Idle(); // the user must act; a Secret or spec change wakes the resource
        }
        if (seen.remoteFailure() != null) {
            return new DatasetDecision.Poll();
        }
        if (seen.remote() == null) {
            return new DatasetDecision.Create(remoteName);
        }
        if ("FAILED".equals(seen.remote().status())) {
            return new DatasetDecision.Idle();
        }
        UploadPlan plan = seen.plan();
        if (!plan.complete()) {
            return new DatasetDecision.Upload(batch(plan));
        }
        return "READY".equals(seen.remote().status()) ? new DatasetDecision.Idle() : new DatasetDecision.Poll();
    }

    private static java.util.List<DesiredFile> batch(UploadPlan plan) {
        java.util.List<DesiredFile> batch = new java.util.ArrayList<>();
        long bytes = 0;
        for (DesiredFile file : plan.toUpload()) {
            if (!batch.isEmpty() && (batch.size() == MAX_FILES_PER_PASS || bytes + file.size() > MAX_BYTES_PER_PASS)) {
                break;
            }
            batch.add(file);
            bytes += file.size();
        }
        return java.util.List.copyOf(batch);
    }
}
