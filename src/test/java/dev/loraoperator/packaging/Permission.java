package dev.loraoperator.packaging;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One verb on one resource, in one scope ("*" cluster-wide, else a namespace), on one object name ("*" any):
 * the unit in which rendered RBAC and needed RBAC are compared.
 */
record Permission(String scope, String group, String resource, String verb, String name)
        implements Comparable<Permission> {
    static final String ANY = "*";

    static Set<Permission> expand(String scope, List<PolicyRule> rules) {
        Set<Permission> out = new TreeSet<>();
        for (PolicyRule rule : rules) {
            List<String> names = rule.getResourceNames() == null || rule.getResourceNames().isEmpty() ? List.of(ANY)
                    : rule.getResourceNames();
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        for (String name : names) {
                            out.add(new Permission(scope, group, resource, verb, name));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Drops what another permission of the set already grants (a wider scope or any name), so equal means equal. */
    static Set<Permission> minimal(Set<Permission> permissions) {
        return permissions.stream().filter(p -> permissions.stream().noneMatch(q -> !q.equals(p) && q.covers(p)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    boolean covers(Permission other) {
        return group.equals(other.group) && resource.equals(other.resource) && verb.equals(other.verb)
                && (scope.equals(ANY) || scope.equals(other.scope)) && (name.equals(ANY) || name.equals(other.name));
    }

    @Override
    public int compareTo(Permission o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return (scope.equals(ANY) ? "cluster" : "ns " + scope) + ": " + (group.isEmpty() ? "core" : group) + "/"
                + resource + " " + verb + (name.equals(ANY) ? "" : " [" + name + "]");
    }
}
