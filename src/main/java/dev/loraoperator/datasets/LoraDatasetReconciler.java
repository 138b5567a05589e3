package dev.loraoperator.datasets;

import dev.loraoperator.api.v1alpha1.DatasetDeletionPolicy;
import dev.loraoperator.api.v1alpha1.DatasetPhase;
import dev.loraoperator.api.v1alpha1.LoraDataset;
import dev.loraoperator.api.v1alpha1.LoraDatasetStatus;
import dev.loraoperator.credentials.Credentials;
import dev.loraoperator.credentials.CredentialsResolver;
import dev.loraoperator.events.EventReason;
import dev.loraoperator.events.EventRecorder;
import dev.loraoperator.trainer.DatasetApi;
import dev.loraoperator.trainer.RemoteDataset;
import dev.loraoperator.trainer.TrainerException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Observe, decide once, act at most once, derive the whole status: one pass over a LoraDataset. */
@ControllerConfiguration(name = "loradataset", finalizerName = LoraDataset.FINALIZER,
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
public class LoraDatasetReconciler implements Reconciler<LoraDataset>, Cleaner<LoraDataset> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration RETRY_DELETE = Duration.ofSeconds(30);
    private static final Duration SOURCE_RETRY = Duration.ofSeconds(20);

    private final DatasetObserver observer;
    private final DatasetApi api;
    private final DatasetUploader uploader;
    private final CredentialsResolver credentials;
    private final EventRecorder events;
    private final Clock clock;
    private final TrainingJobWatch jobs;
    private final DatasetUsers users;

    public LoraDatasetReconciler(DatasetObserver observer, DatasetApi api, DatasetUploader uploader,
            CredentialsResolver credentials, EventRecorder events, Clock clock, TrainingJobWatch jobs,
            DatasetUsers users) {
        this.observer = observer;
        this.api = api;
        this.uploader = uploader;
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
        this.jobs = jobs;
        this.users = users;
    }

    @Override
    public UpdateControl<LoraDataset> reconcile(LoraDataset dataset, Context<LoraDataset> context) {
        DatasetObserver.Observed observed = observer.observe(dataset);
        DatasetDecision decision = DatasetDecider.decide(observed.seen(), dataset.desiredRemoteName());
        DatasetOutcome outcome = act(decision, observed, dataset);
        observer.keep(dataset, observed, outcome.sourceFailure() == null
                && (decision instanceof DatasetDecision.Upload || decision instanceof DatasetDecision.Poll));
        LoraDatasetStatus before = dataset.getStatus();
        LoraDatasetStatus after = DatasetStatusRules.derive(before, generation(dataset), observed.seen(), outcome,
                clock.instant());
        announce(dataset, before, after, outcome);
        // Idle: a change of the spec wakes it, and the maximum reconciliation interval rechecks it
        // A source that failed during an upload (a dropped connection) is tried again, but not at once: it may be
        // down for a while, and the files already sent stay sent.
        Duration delay = outcome.sourceFailure() != null ? SOURCE_RETRY : decision instanceof DatasetDecision.Poll ? POLL
                : decision instanceof DatasetDecision.Idle ? null : SOON;
        if (JSON.valueToTree(after).equals(before == null ? null : JSON.valueToTree(before))) {
            return delay == null ? UpdateControl.noUpdate() : UpdateControl.<LoraDataset>noUpdate().rescheduleAfter(delay);
        }
        dataset.setStatus(after);
        UpdateControl<LoraDataset> patch = UpdateControl.patchStatus(dataset);
        return delay == null ? patch : patch.rescheduleAfter(delay);
    }

    private DatasetOutcome act(DatasetDecision decision, DatasetObserver.Observed observed, LoraDataset dataset) {
        if (decision instanceof DatasetDecision.Create create) {
            return create(observed, create.name(), dataset);
        }
        if (decision instanceof DatasetDecision.Upload upload) {
            return uploader.upload(observed.token(), observed.seen().remote().id(), observed.sources(), upload.files());
        }
        return DatasetOutcome.NOTHING;
    }

    /** Create by name; a 409 means the name exists (an earlier pass, a restart, another tool): adopt it. */
    private DatasetOutcome create(DatasetObserver.Observed observed, String name, LoraDataset dataset) {
        try {
            RemoteDataset created = api.create(observed.token(), name);
            events.record(dataset, EventReason.DatasetCreated, "created RunComfy dataset " + name + " (" + created.id()
                    + ")");
            return new DatasetOutcome(created, List.of(), null, null);
        } catch (TrainerException e) {
            if (e.httpStatus() == 409) {
                try {
                    RemoteDataset adopted = observer.byName(observed.token(), name);
                    if (adopted != null) {
                        events.record(dataset, EventReason.Adopted, "adopted the existing RunComfy dataset " + name);
                        return new DatasetOutcome(adopted, List.of(), null, null);
                    }
                } catch (TrainerException lookup) {
                    return new DatasetOutcome(null, List.of(), null, lookup.getMessage());
                }
            }
            return new DatasetOutcome(null, List.of(), null, e.getMessage());
        }
    }

    private void announce(LoraDataset dataset, LoraDatasetStatus before, LoraDatasetStatus after,
            DatasetOutcome outcome) {
        if (!outcome.uploaded().isEmpty()) {
            events.record(dataset, EventReason.FilesUploaded, "uploaded " + outcome.uploaded().size() + " files ("
                    + after.getFiles().getSummary() + ")");
        }
        DatasetPhase previous = before == null ? null : before.getPhase();
        if (Objects.equals(previous, after.getPhase())) {
            return;
        }
        String message = after.getConditions().stream().filter(c -> DatasetStatusRules.READY.equals(c.getType()))
                .findFirst().map(c -> c.getMessage()).orElse(after.getPhase().name());
        switch (after.getPhase()) {
            case Ready -> events.record(dataset, EventReason.DatasetReady, message);
            case Failed -> events.record(dataset, EventReason.Failed, message);
            case Unknown -> events.record(dataset, EventReason.PollFailed, message);
            case Pending -> {
                if (after.getError() != null) {
                    events.record(dataset, EventReason.MissingCredentials, after.getError().getMessage());
                }
            }
            default -> events.record(dataset, EventReason.DatasetProgress, message);
        }
    }

    /** LoraTrainingJobs are watched: a deletion that waits for the jobs using the dataset goes on when they end. */
    @Override
    public List<EventSource<?, LoraDataset>> prepareEventSources(EventSourceContext<LoraDataset> context) {
        return List.of(jobs.eventSource(context));
    }

    @Override
    public DeleteControl cleanup(LoraDataset dataset, Context<LoraDataset> context) {
        List<String> using = users.of(dataset.getMetadata().getName(),
                jobs.inNamespace(dataset.getMetadata().getNamespace()));
        if (!using.isEmpty()) {
            waitForUsers(dataset, using, context);
            return DeleteControl.noFinalizerRemoval(); // the job watch wakes it when one of them ends
        }
        observer.forget(dataset);
        String id = dataset.getStatus() == null ? null : dataset.getStatus().getRemoteId();
        if (id == null || dataset.getSpec().deletionPolicyOrDefault() == DatasetDeletionPolicy.Orphan) {
            if (id != null) {
                events.record(dataset, EventReason.RemoteDatasetOrphaned, "kept RunComfy dataset "
                        + dataset.getStatus().getRemoteName() + " (deletionPolicy Orphan)");
            }
            return DeleteControl.defaultDelete();
        }
        Credentials found = credentials.resolve(dataset.getMetadata().getNamespace(),
                dataset.getSpec().getCredentialsSecretRef());
        if (!found.available()) {
            events.record(dataset, EventReason.MissingCredentials, found.problem());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY_DELETE);
        }
        try {
            api.delete(found.token(), id);
        } catch (TrainerException e) {
            if (!e.isNotFound()) {
                events.record(dataset, EventReason.DeleteFailed, e.getMessage());
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY_DELETE);
            }
        }
        events.record(dataset, EventReason.RemoteDatasetDeleted, "deleted RunComfy dataset "
                + dataset.getStatus().getRemoteName());
        return DeleteControl.defaultDelete();
    }

    /** Says, once per change of the list, which jobs hold the deletion back (status and an Event). */
    private void waitForUsers(LoraDataset dataset, List<String> using, Context<LoraDataset> context) {
        LoraDatasetStatus before = dataset.getStatus();
        LoraDatasetStatus after = DatasetStatusRules.inUse(before, using, clock.instant());
        if (JSON.valueToTree(after).equals(before == null ? null : JSON.valueToTree(before))) {
            return;
        }
        context.resourceOperations().jsonPatchPrimaryStatus(dataset, current -> {
            current.setStatus(after);
            return current;
        });
        events.record(dataset, EventReason.InUse, DatasetStatusRules.inUseMessage(using));
    }

    private static long generation(LoraDataset dataset) {
        Long generation = dataset.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }
}
