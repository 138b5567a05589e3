package dev.loraoperator.packaging;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Every Kubernetes API request compiled code can make, read from its bytecode: each call on a Fabric8 client or DSL
 * type, and on JOSDK's ResourceOperations, UpdateControl and informer configuration, followed through locals and
 * stack whatever the variables are called. (Requests JOSDK makes on its own, such as the primary resource's informer
 * and finalizer patches, are listed in ApiCalls from JOSDK's sources.) A request whose resource the scan cannot name, or a Fabric8 method it does not know, is reported as
 * unresolved rather than skipped, so nothing is missed silently.
 */
final class ApiCallScan {

    /** One verb on one resource ("loratrainingjobs/status" for the status subresource). */
    record Call(String group, String resource, String verb) implements Comparable<Call> {
        @Override
        public int compareTo(Call o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return (group.isEmpty() ? "core" : group) + "/" + resource + " " + verb;
        }
    }

    /** Where a call is made: class and method. */
    record Site(Call call, String where) {
        @Override
        public String toString() {
            return call + " at " + where;
        }
    }

    record Result(List<Site> sites, List<String> unresolved) {
        Set<Call> calls() {
            Set<Call> calls = new TreeSet<>();
            sites.forEach(s -> calls.add(s.call()));
            return calls;
        }
    }

    // Fabric8 methods that end a chain with requests, by name; "+status" marks the status subresource.
    private static final Map<String, List<String>> FABRIC8_VERBS = Map.ofEntries(
            Map.entry("get", List.of("get")), Map.entry("require", List.of("get")),
            Map.entry("list", List.of("list")), Map.entry("watch", List.of("watch")),
            Map.entry("inform", List.of("list", "watch")), Map.entry("informOnCondition", List.of("list", "watch")),
            Map.entry("runnableInformer", List.of("list", "watch")),
            Map.entry("waitUntilCondition", List.of("list", "watch")),
            Map.entry("waitUntilReady", List.of("list", "watch")),
            Map.entry("create", List.of("create")), Map.entry("createOr", List.of("create", "update")),
            Map.entry("createOrReplace", List.of("get", "create", "update")),
            Map.entry("update", List.of("update")), Map.entry("replace", List.of("update")),
            Map.entry("updateStatus", List.of("update+status")), Map.entry("replaceStatus", List.of("update+status")),
            Map.entry("edit", List.of("get", "patch")), Map.entry("editStatus", List.of("get", "patch+status")),
            Map.entry("patch", List.of("patch")), Map.entry("patchStatus", List.of("patch+status")),
            Map.entry("serverSideApply", List.of("patch")), Map.entry("delete", List.of("delete")));

    // Fabric8 methods that return no DSL type and send nothing.
    private static final Set<String> FABRIC8_LOCAL = Set.of("getConfiguration", "getMasterUrl", "getNamespace",
            "getApiVersion", "getKubernetesSerialization", "close", "isAdaptable");

    private static final String RESOURCE_OPERATIONS = "io/javaoperatorsdk/operator/api/reconciler/ResourceOperations";
    private static final String INFORMER_CONFIGURATION =
            "io/javaoperatorsdk/operator/api/config/informer/InformerEventSourceConfiguration";
    private static final Set<String> UPDATE_CONTROLS = Set.of(
            "io/javaoperatorsdk/operator/api/reconciler/UpdateControl",
            "io/javaoperatorsdk/operator/api/reconciler/ErrorStatusUpdateControl");

    private final ClassLoader loader = ApiCallScan.class.getClassLoader();
    private final Class<?> defaultPrimary;
    /** The primary resource of the class being scanned: its Reconciler's type argument, else the default. */
    private Class<?> primary;

    private ApiCallScan(Class<?> primary) {
        this.defaultPrimary = primary;
        this.primary = primary;
    }

    /** A class declared as {@code Reconciler<X>} acts on X: UpdateControl and "primary" operations address it. */
    private static Class<?> reconciledBy(ClassNode node, Class<?> fallback) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("Lio/javaoperatorsdk/operator/api/reconciler/Reconciler<L([^;<>]+);>;")
                .matcher(node.signature == null ? "" : node.signature);
        if (!m.find()) {
            return fallback;
        }
        try {
            return Class.forName(m.group(1).replace('/', '.'), false, ApiCallScan.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return fallback;
        }
    }

    /** Every .class file under a folder such as target/classes. */
    static List<Path> classFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans the classes; {@code primary} is the resource JOSDK's ResourceOperations "primary" methods act on. */
    static Result scan(List<Path> classFiles, Class<?> primary) {
        ApiCallScan scan = new ApiCallScan(primary);
        List<Site> sites = new java.util.ArrayList<>();
        List<String> unresolved = new java.util.ArrayList<>();
        for (Path file : classFiles) {
            ClassNode node = new ClassNode();
            try {
                new ClassReader(Files.readAllBytes(file)).accept(node, ClassReader.SKIP_FRAMES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            scan.primary = reconciledBy(node, scan.defaultPrimary);
            for (MethodNode method : node.methods) {
                scan.method(node.name, method, sites, unresolved);
            }
        }
        return new Result(List.copyOf(sites), List.copyOf(unresolved));
    }

    private void method(String owner, MethodNode method, List<Site> sites, List<String> unresolved) {
        String where = owner.replace('/', '.') + "." + method.name;
        Tracker tracker = new Tracker();
        try {
            new Analyzer<>(tracker).analyze(owner, method);
        } catch (AnalyzerException e) {
            throw new IllegalStateException("cannot analyse " + where, e);
        }
        // the analyser evaluates an instruction once per pass; the last evaluation saw the final values
        tracker.findings.values().forEach(f -> {
            if (f.problem != null) {
                unresolved.add(where + ": " + f.problem);
            } else {
                f.calls.forEach(c -> sites.add(new Site(c, where)));
            }
        });
    }

    private record Finding(List<Call> calls, String problem) {
    }

    /** A value's static type and, for a Fabric8 DSL handle or a class literal, what it names. */
    private static final class Value extends BasicValue {
        final Call target;          // the resource a DSL handle addresses (verb unused), or null
        final Type classLiteral;    // X for the value of X.class, else null

        Value(Type type, Call target, Type classLiteral) {
            super(type);
            this.target = target;
            this.classLiteral = classLiteral;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && Objects.equals(getType(), v.getType()) && Objects.equals(target, v.target)
                    && Objects.equals(classLiteral, v.classLiteral);
        }

        @Override
        public int hashCode() {
            return Objects.hash(getType(), target, classLiteral);
        }
    }

    private final class Tracker extends BasicInterpreter {
        final Map<AbstractInsnNode, Finding> findings = new IdentityHashMap<>();

        Tracker() {
            super(Opcodes.ASM9);
        }

        @Override
        public BasicValue newValue(Type type) {
            if (type != null && (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY)) {
                return new Value(type, null, null);
            }
            return super.newValue(type);
        }

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type t && t.getSort() == Type.OBJECT) {
                return new Value(Type.getType(Class.class), null, t);
            }
            return super.newOperation(insn);
        }

        @Override
        public BasicValue naryOperation(AbstractInsnNode insn, List<? extends BasicValue> values)
                throws AnalyzerException {
            if (insn instanceof MethodInsnNode call) {
                if (isFabric8Dsl(call.owner)) {
                    return fabric8(call, values);
                }
                if (call.owner.equals(RESOURCE_OPERATIONS)) {
                    findings.put(insn, resourceOperation(call, values));
                } else if (UPDATE_CONTROLS.contains(call.owner) && call.name.startsWith("patch")) {
                    findings.put(insn, updateControl(call.name));
                } else if (call.owner.equals(INFORMER_CONFIGURATION) && call.name.equals("from")) {
                    findings.put(insn, informer(values.get(0)));
                }
            }
            return super.naryOperation(insn, values);
        }

        @Override
        public BasicValue merge(BasicValue a, BasicValue b) {
            if (a instanceof Value x && b instanceof Value y && !x.equals(y)
                    && Objects.equals(x.getType(), y.getType())) {
                // one path names a resource, another a different one or none: name none, so a verb is unresolved
                return new Value(x.getType(), null, null);
            }
            return super.merge(a, b);
        }

        @Override
        public BasicValue unaryOperation(AbstractInsnNode insn, BasicValue value) throws AnalyzerException {
            BasicValue result = super.unaryOperation(insn, value);
            // a DSL step returning a type variable (withName returns R) is cast by javac: keep what it names
            if (insn.getOpcode() == Opcodes.CHECKCAST && value instanceof Value v && v.target != null) {
                return new Value(result.getType(), v.target, null);
            }
            return result;
        }

        private BasicValue fabric8(MethodInsnNode call, List<? extends BasicValue> values) {
            Type returned = Type.getReturnType(call.desc);
            boolean isStatic = call.getOpcode() == Opcodes.INVOKESTATIC;
            Call receiver = isStatic ? null : targetOf(values.get(0));
            List<? extends BasicValue> args = isStatic ? values : values.subList(1, values.size());
            List<String> verbs = FABRIC8_VERBS.get(call.name);
            if (verbs != null) {
                findings.put(call, receiver == null
                        ? new Finding(List.of(), "Fabric8 " + call.name + "() on a resource the scan cannot name "
                                + "(keep the chain from the client to the request within one method)")
                        : new Finding(verbs.stream().map(v -> verb(receiver, v)).toList(), null));
            } else if (returned.getSort() == Type.OBJECT && (isFabric8Dsl(returned.getInternalName())
                    || returnsTypeVariable(call))) {
                return new Value(returned, navigate(call, receiver, args), null);
            } else if (!FABRIC8_LOCAL.contains(call.name)) {
                findings.put(call, new Finding(List.of(), "Fabric8 " + simpleName(call.owner) + "." + call.name
                        + "() is neither a known request nor known to send nothing: classify it in ApiCallScan"));
            }
            return newValue(returned);
        }

        /** What a DSL step returning another DSL type addresses: a new resource at an entry point, else the same. */
        private Call navigate(MethodInsnNode call, Call receiver, List<? extends BasicValue> args) {
            if (call.name.equals("resources") && !args.isEmpty() && args.get(0) instanceof Value v
                    && v.classLiteral != null) {
                return resourceOf(v.classLiteral);
            }
            if (receiver == null && (call.name.equals("resource") || call.name.equals("resourceList"))
                    && args.size() == 1) {
                return resourceOf(args.get(0).getType());
            }
            Call entry = resourceOfGenericReturn(call);
            return entry != null ? entry : receiver;
        }

        private Finding resourceOperation(MethodInsnNode call, List<? extends BasicValue> values) {
            String name = call.name;
            Call target = name.contains("Primary") || name.contains("Finalizer")
                    ? resourceOf(primary == null ? null : Type.getType(primary))
                    : values.size() > 1 ? resourceOf(values.get(1).getType()) : null;
            if (target == null) {
                return new Finding(List.of(), "ResourceOperations." + name + "() on a resource the scan cannot name");
            }
            String verb = name.startsWith("update") ? "update" : name.startsWith("create") ? "create" : "patch";
            List<String> verbs = name.contains("Finalizer") || name.startsWith("conflictRetrying")
                    ? List.of("patch", "get") : List.of(verb + (name.endsWith("Status") ? "+status" : ""));
            return new Finding(verbs.stream().map(v -> verb(target, v)).toList(), null);
        }

        /** An informer JOSDK runs for a secondary resource: list, then watch. */
        private Finding informer(BasicValue resourceClass) {
            Call target = resourceClass instanceof Value v && v.classLiteral != null ? resourceOf(v.classLiteral)
                    : null;
            return target == null ? new Finding(List.of(), "an informer on a resource the scan cannot name")
                    : new Finding(List.of(verb(target, "list"), verb(target, "watch")), null);
        }

        private Finding updateControl(String name) {
            Call target = resourceOf(primary == null ? null : Type.getType(primary));
            if (target == null) {
                return new Finding(List.of(), "UpdateControl." + name + "() without a primary resource");
            }
            List<String> verbs = switch (name) {
                case "patchStatus" -> List.of("patch+status");
                case "patchResource" -> List.of("patch");
                default -> List.of("patch", "patch+status");
            };
            return new Finding(verbs.stream().map(v -> verb(target, v)).toList(), null);
        }
    }

    private static Call targetOf(BasicValue value) {
        return value instanceof Value v ? v.target : null;
    }

    private static Call verb(Call target, String verb) {
        return verb.endsWith("+status")
                ? new Call(target.group(), target.resource() + "/status", verb.substring(0, verb.indexOf('+')))
                : new Call(target.group(), target.resource(), verb);
    }

    /** Fabric8's client interfaces and the fluent DSL interfaces they hand out. */
    private boolean isFabric8Dsl(String internalName) {
        Class<?> type = load(internalName);
        return type != null && type.isInterface() && (io.fabric8.kubernetes.client.Client.class.isAssignableFrom(type)
                || "io.fabric8.kubernetes.client.dsl".equals(type.getPackageName()));
    }

    /** group/plural of a concrete model class; null for anything the scan cannot pin to one resource. */
    private Call resourceOf(Type type) {
        Class<?> model = type == null || type.getSort() != Type.OBJECT ? null : load(type.getInternalName());
        if (model == null || !HasMetadata.class.isAssignableFrom(model) || model.isInterface()
                || Modifier.isAbstract(model.getModifiers()) || model == GenericKubernetesResource.class) {
            return null;
        }
        return new Call(HasMetadata.getGroup(model), HasMetadata.getPlural(model), "");
    }

    /** For entry points such as secrets() or v1().events(): the model class in the returned DSL type. */
    private Call resourceOfGenericReturn(MethodInsnNode call) {
        java.lang.reflect.Type returned = genericReturn(call);
        if (returned instanceof ParameterizedType p && p.getActualTypeArguments().length > 0
                && p.getActualTypeArguments()[0] instanceof Class<?> model) {
            return resourceOf(Type.getType(model));
        }
        return null;
    }

    private boolean returnsTypeVariable(MethodInsnNode call) {
        return genericReturn(call) instanceof TypeVariable<?>;
    }

    private java.lang.reflect.Type genericReturn(MethodInsnNode call) {
        Class<?> owner = load(call.owner);
        return owner == null ? null : Arrays.stream(owner.getMethods())
                .filter(m -> m.getName().equals(call.name) && Type.getMethodDescriptor(m).equals(call.desc))
                .map(Method::getGenericReturnType).findFirst().orElse(null);
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
