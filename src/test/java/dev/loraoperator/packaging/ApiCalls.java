package dev.loraoperator.packaging;

import java.util.List;

/**
 * Every Kubernetes API call the operator makes, with the class that makes it: the single list the RBAC rules are
 * derived from (RbacMatchesApiCallsTest). Observed on the Fabric8 mock API server with the built operator, too:
 * informer list+watch, finalizer PATCH, status PUT, Secret and ConfigMap GET, Event POST, Lease GET/POST/PATCH.
 * When code starts making a new call, ApiCallSitesTest fails until the call is listed here.
 */
final class ApiCalls {

    /** Where the call lands: wherever LoraTrainingJobs are watched, or only in the operator's own namespace. */
    enum Scope { WATCHED_NAMESPACES, OPERATOR_NAMESPACE }

    /** Which object the call names, when RBAC can pin it (resourceNames). */
    enum Named { ANY, DEFAULT_CREDENTIALS_SECRET, LEASE }

    /**
     * @param madeBy the class (and method) that makes the call
     * @param site the expression in our sources that makes it (ApiCallSitesTest), or null for calls made by a library
     * @param leaderElectionOnly made only when leader election is enabled
     */
    record ApiCall(String madeBy, String site, String group, String resource, String verb, Scope scope, Named named,
            boolean leaderElectionOnly) {
    }

    private static final String JOBS_GROUP = "training.lora-operator.dev";
    private static final String CORE = "";
    private static final String COORDINATION = "coordination.k8s.io";

    static final List<ApiCall> ALL = List.of(
            // JOSDK's informer for the primary resource (ControllerResourceEventSource): initial list, then watch.
            watched("JOSDK ControllerResourceEventSource (informer)", null, JOBS_GROUP, "loratrainingjobs", "list"),
            watched("JOSDK ControllerResourceEventSource (informer)", null, JOBS_GROUP, "loratrainingjobs", "watch"),
            // JOSDK adds and removes our finalizer with a JSON Patch (SSA is off: quarkus.operator-sdk.enable-ssa=false).
            watched("JOSDK ResourceOperations.addFinalizer/removeFinalizer", null, JOBS_GROUP, "loratrainingjobs",
                    "patch"),
            // ... and re-reads the resource when that patch meets a conflict (409/422).
            watched("JOSDK ResourceOperations.conflictRetryingPatchPrimary", null, JOBS_GROUP, "loratrainingjobs",
                    "get"),
            // StatusWriter re-reads the resource after a 409 on the status write, so what it learned is not lost.
            watched("dev.loraoperator.reconciler.StatusWriter.write", "client.resources(LoraTrainingJob.class)",
                    JOBS_GROUP, "loratrainingjobs", "get"),
            // StatusWriter writes the status subresource with a PUT (optimistic locking before a submit).
            watched("dev.loraoperator.reconciler.StatusWriter.write/writeIfCurrent",
                    "context.resourceOperations().updatePrimaryStatus", JOBS_GROUP, "loratrainingjobs/status",
                    "update"),
            // CredentialsResolver reads spec.credentialsSecretRef in the job's namespace ...
            watched("dev.loraoperator.credentials.CredentialsResolver.resolve", "client.secrets()", CORE, "secrets",
                    "get"),
            // ... or, without it, the operator-wide default Secret in the operator's namespace.
            new ApiCall("dev.loraoperator.credentials.CredentialsResolver.resolve", "client.secrets()", CORE,
                    "secrets", "get", Scope.OPERATOR_NAMESPACE, Named.DEFAULT_CREDENTIALS_SECRET, false),
            // InputReader reads spec.configFrom.configMapKeyRef in the job's namespace.
            watched("dev.loraoperator.reconciler.InputReader.read", "client.configMaps()", CORE, "configmaps", "get"),
            // The LoraDataset controller: JOSDK's informer, finalizer patch and re-read on conflict, as for jobs ...
            watched("JOSDK ControllerResourceEventSource (informer)", null, JOBS_GROUP, "loradatasets", "list"),
            watched("JOSDK ControllerResourceEventSource (informer)", null, JOBS_GROUP, "loradatasets", "watch"),
            watched("JOSDK ResourceOperations.addFinalizer/removeFinalizer", null, JOBS_GROUP, "loradatasets",
                    "patch"),
            watched("JOSDK ResourceOperations.conflictRetryingPatchPrimary", null, JOBS_GROUP, "loradatasets", "get"),
            // ... and LoraDatasetReconciler's UpdateControl.patchStatus, a patch of the status subresource.
            watched("JOSDK UpdateControl.patchStatus (LoraDatasetReconciler)", null, JOBS_GROUP, "loradatasets/status",
                    "patch"),
            // SourceResolver reads a LoraDataset's configMapRef sources and the Secrets behind urlFrom, in its namespace.
            watched("dev.loraoperator.datasets.SourceResolver.resolve", "client.configMaps()", CORE, "configmaps",
                    "get"),
            watched("dev.loraoperator.datasets.SourceResolver.secretValue", "client.secrets()", CORE, "secrets", "get"),
            // EventRecorder creates a new core/v1 Event per transition (random names: never patched).
            watched("dev.loraoperator.events.EventRecorder.record", "client.v1().events()", CORE, "events", "create"),
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

    private static ApiCall watched(String madeBy, String site, String group, String resource, String verb) {
        return new ApiCall(madeBy, site, group, resource, verb, Scope.WATCHED_NAMESPACES, Named.ANY, false);
    }

    private static ApiCall lease(String madeBy, String verb, Named named) {
        return new ApiCall(madeBy, null, COORDINATION, "leases", verb, Scope.OPERATOR_NAMESPACE, named, true);
    }
}
