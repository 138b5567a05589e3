package dev.loraoperator.packaging;

import java.util.List;

/**
 * Every Kubernetes API call the operator makes, and why: the single list the RBAC rules are derived from
 * (RbacMatchesApiCallsTest). Observed on the Fabric8 mock API server with the built operator, too: informer
 * list+watch, finalizer PATCH, status PUT, Secret and ConfigMap GET, Event POST, Lease GET/POST/PATCH.
 * The calls our own code makes are read from its bytecode (ApiCallSitesTest): a new one fails that test until it is
 * listed here; the calls the libraries make (JOSDK, Fabric8's leader election) are listed from their sources.
 */
public final class ApiCalls {

    /** Where the call lands: wherever LoraTrainingJobs are watched, or only in the operator's own namespace. */
    public enum Scope { WATCHED_NAMESPACES, OPERATOR_NAMESPACE }

    /** Which object the call names, when RBAC can pin it (resourceNames). */
    public enum Named { ANY, DEFAULT_CREDENTIALS_SECRET, LEASE }

    /**
     * @param why what the call is for (and, for a library's call, which library code makes it)
     * @param ourCode made by our code (found by ApiCallSitesTest's bytecode scan), not by a library
     * @param leaderElectionOnly made only when leader election is enabled
     */
    public record ApiCall(String why, boolean ourCode, String group, String resource, String verb, Scope scope, Named named,
            boolean leaderElectionOnly) {
    }

    private static final String JOBS_GROUP = "training.lora-operator.dev";
    private static final String CORE = "";
    private static final String COORDINATION = "coordination.k8s.io";

    public static final List<ApiCall> ALL = List.of(
            // JOSDK's informer for the primary resource (ControllerResourceEventSource): initial list, then watch.
            watched("JOSDK ControllerResourceEventSource (informer)", false, JOBS_GROUP, "loratrainingjobs", "list"),
            watched("JOSDK ControllerResourceEventSource (informer)", false, JOBS_GROUP, "loratrainingjobs", "watch"),
            // JOSDK adds and removes our finalizer with a JSON Patch (SSA is off: quarkus.operator-sdk.enable-ssa=false).
            watched("JOSDK ResourceOperations.addFinalizer/removeFinalizer", false, JOBS_GROUP, "loratrainingjobs",
                    "patch"),
            // ... and re-reads the resource when that patch meets a conflict (409/422).
            watched("JOSDK ResourceOperations.conflictRetryingPatchPrimary", false, JOBS_GROUP, "loratrainingjobs",
                    "get"),
            // The status write re-reads the resource after a 409, so what it learned is not lost.
            watched("status write: re-read after a conflict", true, JOBS_GROUP, "loratrainingjobs", "get"),
            // The status subresource is written with a PUT (optimistic locking before a submit).
            watched("status write (ResourceOperations.updatePrimaryStatus)", true, JOBS_GROUP,
                    "loratrainingjobs/status", "update"),
            // The token: spec.credentialsSecretRef in the job's namespace ...
            watched("credentials: the job's own Secret", true, CORE, "secrets", "get"),
            // ... or, without it, the operator-wide default Secret in the operator's namespace.
            new ApiCall("credentials: the default Secret", true, CORE, "secrets", "get", Scope.OPERATOR_NAMESPACE,
                    Named.DEFAULT_CREDENTIALS_SECRET, false),
            // The config of spec.configFrom.configMapKeyRef, in the job's namespace.
            watched("config from a ConfigMap", true, CORE, "configmaps", "get"),
            // A new core/v1 Event per transition (random names: never patched).
            watched("Events", true, CORE, "events", "create"),
            // The job controller watches LoraDatasets, so a job waiting for one is woken when it is Ready.
            watched("job controller: LoraDataset watch (DatasetWatch)", true, JOBS_GROUP, "loradatasets", "list"),
            watched("job controller: LoraDataset watch (DatasetWatch)", true, JOBS_GROUP, "loradatasets", "watch"),
            // The LoraDataset controller: JOSDK's informer, finalizer patch and re-read on conflict, as for jobs ...
            watched("JOSDK ControllerResourceEventSource (informer)", false, JOBS_GROUP, "loradatasets", "list"),
            watched("JOSDK ControllerResourceEventSource (informer)", false, JOBS_GROUP, "loradatasets", "watch"),
            watched("JOSDK ResourceOperations.addFinalizer/removeFinalizer", false, JOBS_GROUP, "loradatasets",
                    "patch"),
            watched("JOSDK ResourceOperations.conflictRetryingPatchPrimary", false, JOBS_GROUP, "loradatasets", "get"),
            // ... and the dataset reconciler's UpdateControl.patchStatus (and, while a deletion waits for the jobs using
            // the dataset, ResourceOperations.jsonPatchPrimaryStatus), a patch of the status subresource.
            watched("dataset status (UpdateControl.patchStatus)", true, JOBS_GROUP, "loradatasets/status", "patch"),
            // The dataset controller watches LoraTrainingJobs, so a deletion that waits for the jobs using a dataset
            // goes on when they end (TrainingJobWatch); it reads the config of a job's configFrom ConfigMap (above).
            watched("dataset controller: LoraTrainingJob watch (TrainingJobWatch)", true, JOBS_GROUP,
                    "loratrainingjobs", "list"),
            watched("dataset controller: LoraTrainingJob watch (TrainingJobWatch)", true, JOBS_GROUP,
                    "loratrainingjobs", "watch"),
            // A dataset's configMapRef sources and the Secrets behind urlFrom, in its namespace.
            watched("dataset sources from ConfigMaps", true, CORE, "configmaps", "get"),
            watched("dataset source URLs from Secrets", true, CORE, "secrets", "get"),
            // Leader election (dev.loraoperator.settings.LeaderElectionProducer turns it on): Fabric8's LeaseLock
            // reads, creates and renews (JSON merge patch) the Lease ...
            lease("Fabric8 LeaseLock.get (via JOSDK LeaderElectionManager)", "get", Named.LEASE),
            lease("Fabric8 LeaseLock.create (via JOSDK LeaderElectionManager)", "create", Named.ANY),
            lease("Fabric8 LeaseLock.update (via JOSDK LeaderElectionManager)", "patch", Named.LEASE),
            // ... and JOSDK refuses to start electing unless a SelfSubjectRulesReview shows get, create AND update
            // on leases (LeaderElectionManager.checkLeaseAccess). It never sends an update, but demands the right.
            // (Creating the SelfSubjectRulesReview itself is allowed to every authenticated user by Kubernetes'
            // default system:basic-user ClusterRole, so the chart grants nothing for it.)
            lease("JOSDK LeaderElectionManager.checkLeaseAccess (demands it)", "update", Named.LEASE));

    private ApiCalls() {
    }

    private static ApiCall watched(String why, boolean ourCode, String group, String resource, String verb) {
        return new ApiCall(why, ourCode, group, resource, verb, Scope.WATCHED_NAMESPACES, Named.ANY, false);
    }

    private static ApiCall lease(String why, String verb, Named named) {
        return new ApiCall(why, false, COORDINATION, "leases", verb, Scope.OPERATOR_NAMESPACE, named, true);
    }
}
