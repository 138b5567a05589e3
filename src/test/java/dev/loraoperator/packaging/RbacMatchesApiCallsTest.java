package dev.loraoperator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loraoperator.packaging.ApiCalls.ApiCall;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RBAC the chart renders grants exactly what the operator's API calls (ApiCalls) need, nothing more and
 * nothing less: cluster-wide when all namespaces are watched, per namespace otherwise, plus its own namespace.
 */
class RbacMatchesApiCallsTest {

    @ParameterizedTest
    @MethodSource(Chart.VALUE_SETS_SOURCE)
    void renderedRulesAreExactlyTheRulesTheApiCallsNeed(String valueSet) {
        Manifests manifests = Chart.manifests(valueSet);
        Set<Permission> granted = Permission.minimal(granted(manifests));
        Set<Permission> needed = Permission.minimal(needed(Values.effective(valueSet)));
        assertThat(granted).as("granted by the chart with " + valueSet + " (left) vs needed by ApiCalls (right)")
                .containsExactlyElementsOf(needed);
    }

    @ParameterizedTest
    @MethodSource(Chart.VALUE_SETS_SOURCE)
    void everyRoleIsBoundToTheOperatorsServiceAccount(String valueSet) {
        Manifests manifests = Chart.manifests(valueSet);
        Set<String> bound = new HashSet<>();
        manifests.ofKind("ClusterRoleBinding").forEach(d -> bound.add(
                ref("", d.strict(ClusterRoleBinding.class).getRoleRef())));
        manifests.ofKind("RoleBinding").forEach(d -> bound.add(
                ref(d.namespace(), d.strict(RoleBinding.class).getRoleRef())));
        manifests.ofKind("ClusterRole").forEach(d -> assertThat(bound).contains("ClusterRole " + d.name()));
        manifests.ofKind("Role").forEach(d -> assertThat(bound).contains("Role " + d.namespace() + "/" + d.name()));
    }

    /** What the value set's configuration makes the operator call, per scope. */
    static Set<Permission> needed(JsonNode values) {
        List<String> watched = Values.strings(values.path("watchNamespaces"));
        boolean leaderElection = values.path("leaderElection").path("enabled").asBoolean();
        Map<ApiCalls.Named, String> names = Map.of(ApiCalls.Named.ANY, Permission.ANY,
                ApiCalls.Named.LEASE, values.path("leaderElection").path("leaseName").asText(),
                ApiCalls.Named.DEFAULT_CREDENTIALS_SECRET, values.path("defaultCredentials").path("name").asText());
        Set<Permission> needed = new TreeSet<>();
        for (ApiCall call : ApiCalls.ALL) {
            if (call.leaderElectionOnly() && !leaderElection) {
                continue;
            }
            List<String> scopes = call.scope() == ApiCalls.Scope.OPERATOR_NAMESPACE ? List.of(Chart.NAMESPACE)
                    : watched.isEmpty() ? List.of(Permission.ANY) : watched;
            for (String scope : scopes) {
                needed.add(new Permission(scope, call.group(), call.resource(), call.verb(), names.get(call.named())));
            }
        }
        return needed;
    }

    /** What the rendered ClusterRoles, Roles and bindings give the operator's ServiceAccount, per scope. */
    static Set<Permission> granted(Manifests manifests) {
        // shards are several Deployments of one ServiceAccount
        Set<String> accounts = manifests.ofKind("Deployment").stream().map(d -> d.strict(Deployment.class).getSpec()
                .getTemplate().getSpec().getServiceAccountName()).collect(Collectors.toSet());
        assertThat(accounts).hasSize(1);
        String account = accounts.iterator().next();
        Map<String, List<PolicyRule>> clusterRoles = manifests.ofKind("ClusterRole").stream()
                .collect(Collectors.toMap(Manifests.Document::name, d -> d.strict(ClusterRole.class).getRules()));
        Map<String, List<PolicyRule>> roles = manifests.ofKind("Role").stream().collect(Collectors.toMap(
                d -> d.namespace() + "/" + d.name(), d -> d.strict(Role.class).getRules()));
        Set<Permission> granted = new TreeSet<>();
        for (Manifests.Document doc : manifests.ofKind("ClusterRoleBinding")) {
            ClusterRoleBinding binding = doc.strict(ClusterRoleBinding.class);
            if (bindsOperator(binding.getSubjects(), account)) {
                granted.addAll(Permission.expand(Permission.ANY, rules(clusterRoles, binding.getRoleRef().getName())));
            }
        }
        for (Manifests.Document doc : manifests.ofKind("RoleBinding")) {
            RoleBinding binding = doc.strict(RoleBinding.class);
            if (bindsOperator(binding.getSubjects(), account)) {
                RoleRef ref = binding.getRoleRef();
                List<PolicyRule> rules = "ClusterRole".equals(ref.getKind()) ? rules(clusterRoles, ref.getName())
                        : rules(roles, doc.namespace() + "/" + ref.getName());
                granted.addAll(Permission.expand(doc.namespace(), rules));
            }
        }
        return granted;
    }

    private static boolean bindsOperator(List<Subject> subjects, String account) {
        return subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind()) && account.equals(s.getName())
                && Chart.NAMESPACE.equals(s.getNamespace()));
    }

    private static List<PolicyRule> rules(Map<String, List<PolicyRule>> roles, String key) {
        List<PolicyRule> rules = roles.get(key);
        if (rules == null) { // a binding to a role the chart does not render: a broken install
            throw new AssertionError("binding refers to a role that is not rendered: " + key);
        }
        return rules;
    }

    private static String ref(String namespace, RoleRef ref) {
        return "ClusterRole".equals(ref.getKind()) ? "ClusterRole " + ref.getName()
                : "Role " + namespace + "/" + ref.getName();
    }
}
