package dev.loraoperator.reconciler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loraoperator.api.v1alpha1.ControlRecord;
import dev.loraoperator.api.v1alpha1.LoraTrainingJobStatus;
import dev.loraoperator.api.v1alpha1.SubmissionState;
import dev.loraoperator.simulator.JobSnapshot;
import dev.loraoperator.simulator.Operation;
import dev.loraoperator.simulator.RecordedRequest;
import dev.loraoperator.status.Conditions;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One cell of the fault matrix: a job brought to the point where the operator calls the operation, that one call
 * spoiled, what the user then sees, and what the operator does once the fault has cleared. Also checks the promises
 * that hold in every cell (money safety, bounded status) and lists each one broken.
 */
final class MatrixCell {
    /** How many steps the operator gets to recover, each when it asked to come back. */
    static final int RECOVERY_STEPS = 12;
    /** JOSDK reconciles at least this often (the reconciler's maxReconciliationInterval), asked or not. */
    static final Duration MAX_RECONCILIATION_INTERVAL = maxReconciliationInterval();
    static final int STATUS_LIMIT_BYTES = 32 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was observed, one Markdown table row; {@link #COLUMNS} names the columns. */
    record Outcome(MatrixFault fault, MatrixOperation operation, String sent, String phase, String synced,
            String record, String events, String nextLook, String recovered, String callsInAll, String remote) {

        static final List<String> COLUMNS = List.of("fault", "operation", "faulted step sent", "phase", "Synced",
                "record", "Events", "next look", "after the fault clears", "calls in all", "remote job");

        List<String> cells() {
            return List.of(fault.label, operation.label, sent, phase, synced, record, events, nextLook, recovered,
                    callsInAll, remote);
        }
    }

    private final ReconcileHarness h;
    private final MatrixFault fault;
    private final MatrixOperation operation;
    private final List<String> broken = new ArrayList<>();
    private int requestsBefore;

    private MatrixCell(ReconcileHarness h, MatrixFault fault, MatrixOperation operation) {
        this.h = h;
        this.fault = fault;
        this.operation = operation;
    }

    /** Runs the cell; {@code violations} receives every broken promise, named by cell. */
    static Outcome run(KubernetesClient client, MatrixFault fault, MatrixOperation operation, List<String> violations) {
        ReconcileHarness harness;
        synchronized (MatrixCell.class) {
            harness = new ReconcileHarness(client); // each one writes the same credentials Secret
        }
        try (ReconcileHarness h = harness) {
            MatrixCell cell = new MatrixCell(h, fault, operation);
            Outcome outcome = cell.run();
            cell.broken.forEach(v -> violations.add(fault.label + " × " + operation.label + ": " + v));
            return outcome;
        }
    }

    private Outcome run() {
        h.create("cell", j -> { });
        operation.prepare(h);
        LoraTrainingJobStatus before = status();
        requestsBefore = h.sim.requests().size();
        Set<String> eventsBefore = eventNames();
        fault.arm(h.sim.faults(), operation.target);

        MatrixOperation.Step faulted = operation.step(h);
        if (h.sim.faults().pending(operation.target) != 0) {
            broken.add("the operator never made the spoiled " + operation.target + " call");
        }
        String events = h.events().stream().filter(e -> !eventsBefore.contains(e.getMetadata().getName()))
                .map(Event::getReason).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
        LoraTrainingJobStatus afterFault = status();
        checkFaultedStep(before, afterFault, faulted);
        String sent = faulted.requests().stream().map(r -> r.operation().name().toLowerCase())
                .collect(Collectors.joining(", "));

        MatrixOperation.Step last = recover(faulted);
        checkEveryWrite();
        return new Outcome(fault, operation, sent.isEmpty() ? "nothing" : sent, phase(afterFault),
                synced(afterFault), record(afterFault, faulted), events.isEmpty() ? "none" : events,
                faulted.next() == null ? "on change" : seconds(faulted.next()),
                phase(status()) + " · " + synced(status()) + " · " + record(status(), last),
                operation.target.name().toLowerCase() + " ×" + calls(operation.target), remote());
    }

    /** The fault is gone: the operator is called again whenever it asked (at the latest after the max interval). */
    private MatrixOperation.Step recover(MatrixOperation.Step faulted) {
        h.sim.faults().clear();
        MatrixOperation.Step last = faulted;
        for (int i = 0; i < RECOVERY_STEPS && !last.released(); i++) {
            h.advance(last.next() == null ? MAX_RECONCILIATION_INTERVAL : last.next());
            last = operation.step(h);
            checkSize(status());
        }
        if (h.sim.jobs().size() > 1) {
            broken.add(h.sim.jobs().size() + " remote jobs: submitted twice");
        }
        if (last.released() && h.sim.jobs().stream().anyMatch(j -> j.status().matches("IN_QUEUE|RESUMING|RUNNING"))) {
            broken.add("the finalizer let go while the remote job is still active");
        }
        return last;
    }

    private void checkFaultedStep(LoraTrainingJobStatus before, LoraTrainingJobStatus after, MatrixOperation.Step step) {
        checkSize(after);
        if (step.released()) {
            broken.add("the finalizer let go after a spoiled cancel");
        }
        boolean rateLimited = fault == MatrixFault.RATE_LIMITED || fault == MatrixFault.RATE_LIMITED_BARE;
        if (rateLimited && after.getSubmission() != null && after.getSubmission().getState() != SubmissionState.Succeeded
                && after.getSubmission().getState() != SubmissionState.Pending) {
            broken.add("a 429 (never processed) left submission " + after.getSubmission().getState());
        }
        if (operation == MatrixOperation.STATUS && fault != MatrixFault.UNKNOWN_STATUS) {
            if (!Objects.equals(before.getRemoteStatus(), after.getRemoteStatus())) {
                broken.add("a failed status read changed the last known state " + before.getRemoteStatus() + " to "
                        + after.getRemoteStatus());
            }
            if (Conditions.isTrue(after.getConditions(), "Synced")) {
                broken.add("a failed status read left Synced=True");
            }
        }
        if (checkpoints(after) < checkpoints(before)) {
            broken.add("known checkpoints dropped from " + checkpoints(before) + " to " + checkpoints(after));
        }
        boolean remoteActive = h.sim.jobs().stream().anyMatch(j -> j.status().matches("IN_QUEUE|RESUMING|RUNNING"));
        if (operation.target == Operation.CANCEL && remoteActive && after.getPhase() != null
                && after.getPhase().name().matches("Suspended|Canceled|Failed")) {
            broken.add("phase " + after.getPhase() + " while the remote job is still active");
        }
    }

    private void checkEveryWrite() {
        h.store().writes().forEach(this::checkSize);
    }

    private void checkSize(LoraTrainingJobStatus status) {
        int bytes = size(status);
        if (bytes >= STATUS_LIMIT_BYTES) {
            broken.add("a status of " + bytes + " bytes (limit " + STATUS_LIMIT_BYTES + ")");
        }
    }

    /** The stored status, or an empty one before the first write. */
    private LoraTrainingJobStatus status() {
        return h.status() == null ? new LoraTrainingJobStatus() : h.status();
    }

    private Set<String> eventNames() {
        return h.events().stream().map(e -> e.getMetadata().getName()).collect(Collectors.toSet());
    }

    private long calls(Operation op) {
        return h.sim.requests().subList(requestsBefore, h.sim.requests().size()).stream()
                .filter(r -> r.operation() == op).count();
    }

    private String remote() {
        List<JobSnapshot> jobs = h.sim.jobs();
        return jobs.isEmpty() ? "none" : jobs.stream().map(JobSnapshot::status).collect(Collectors.joining(", "));
    }

    private String record(LoraTrainingJobStatus status, MatrixOperation.Step step) {
        return switch (operation) {
            case SUBMIT -> status.getSubmission() == null ? "no submission"
                    : "submission " + status.getSubmission().getState();
            case STATUS -> "remote " + status.getRemoteStatus();
            case RESULT -> "checkpoints " + checkpoints(status);
            case CANCEL_DELETE -> step.released() ? "finalizer removed" : "finalizer kept";
            case CANCEL_SUSPEND, RESUME, EDIT -> control(status.getLastControl());
        };
    }

    private static String control(ControlRecord last) {
        return last == null ? "no control" : last.getAction() + " " + last.getState();
    }

    private static String phase(LoraTrainingJobStatus status) {
        return String.valueOf(status.getPhase());
    }

    private static String synced(LoraTrainingJobStatus status) {
        return Conditions.find(status.getConditions(), "Synced")
                .map(c -> Conditions.FALSE.equals(c.getStatus()) ? c.getReason() : "True")
                .orElse("none");
    }

    private static int checkpoints(LoraTrainingJobStatus status) {
        return status.getArtifacts() == null || status.getArtifacts().getCheckpoints() == null ? 0
                : status.getArtifacts().getCheckpoints().size();
    }

    private static String seconds(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static Duration maxReconciliationInterval() {
        var max = LoraTrainingJobReconciler.class.getAnnotation(
                io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration.class).maxReconciliationInterval();
        return Duration.ofMillis(max.timeUnit().toMillis(max.interval()));
    }

    static int size(LoraTrainingJobStatus status) {
        try {
            return JSON.writeValueAsBytes(status).length;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
