package dev.loraoperator.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Reads the protobuf bodies kubectl sends for built-in kinds ({@code kubectl create secret|configmap|namespace}
 * always send {@code application/vnd.kubernetes.protobuf}): the {@code k8s\0} envelope, then the Secret, ConfigMap
 * or Namespace, decoded with the field numbers of k8s.io/api's generated.proto into the JSON the store keeps.
 * Empty fields are left out as JSON omits them; a non-empty field not listed here is refused, never dropped.
 */
final class ProtobufObjects {

    static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    private enum Kind { STRING, BYTES, INT64, BOOL, MAP_STRING, MAP_BYTES, STRINGS, MESSAGE }

    private record Field(String name, Kind kind, Map<Integer, Field> message) {
        static Field of(String name, Kind kind) {
            return new Field(name, kind, null);
        }
    }

    private static final Map<Integer, Field> OBJECT_META = Map.of(
            1, Field.of("name", Kind.STRING), 2, Field.of("generateName", Kind.STRING),
            3, Field.of("namespace", Kind.STRING), 5, Field.of("uid", Kind.STRING),
            6, Field.of("resourceVersion", Kind.STRING), 7, Field.of("generation", Kind.INT64),
            11, Field.of("labels", Kind.MAP_STRING), 12, Field.of("annotations", Kind.MAP_STRING),
            14, Field.of("finalizers", Kind.STRINGS));
    private static final Field METADATA = new Field("metadata", Kind.MESSAGE, OBJECT_META);
    private static final Map<String, Map<Integer, Field>> KINDS = Map.of(
            "Secret", Map.of(1, METADATA, 2, Field.of("data", Kind.MAP_BYTES), 3, Field.of("type", Kind.STRING),
                    4, Field.of("stringData", Kind.MAP_STRING), 5, Field.of("immutable", Kind.BOOL)),
            "ConfigMap", Map.of(1, METADATA, 2, Field.of("data", Kind.MAP_STRING),
                    3, Field.of("binaryData", Kind.MAP_BYTES), 4, Field.of("immutable", Kind.BOOL)),
            "Namespace", Map.of(1, METADATA,
                    2, new Field("spec", Kind.MESSAGE, Map.of(1, Field.of("finalizers", Kind.STRINGS))),
                    3, new Field("status", Kind.MESSAGE, Map.of(1, Field.of("phase", Kind.STRING)))));

    private ProtobufObjects() {
    }

    static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.startsWith(CONTENT_TYPE);
    }

    /** The object as JSON; IllegalArgumentException, saying what, for anything this decoder does not know. */
    static ObjectNode toJson(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a Kubernetes protobuf body (no k8s\\0 prefix)");
        }
        try {
            // runtime.Unknown: 1 typeMeta {1 apiVersion, 2 kind}, 2 raw
            CodedInputStream in = CodedInputStream.newInstance(body, MAGIC.length, body.length - MAGIC.length);
            ObjectNode typeMeta = JSON.createObjectNode();
            byte[] raw = new byte[0];
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> typeMeta = message(in.readByteArray(),
                            Map.of(1, Field.of("apiVersion", Kind.STRING), 2, Field.of("kind", Kind.STRING)), "");
                    case 2 -> raw = in.readByteArray();
                    default -> in.skipField(tag);
                }
            }
            String kind = typeMeta.path("kind").asText();
            Map<Integer, Field> fields = KINDS.get(kind);
            if (fields == null) {
                throw new IllegalArgumentException("the sandbox reads protobuf only for Secret, ConfigMap and Namespace,"
                        + " not " + (kind.isEmpty() ? "this object" : kind) + "; send JSON");
            }
            ObjectNode object = JSON.createObjectNode().put("apiVersion", typeMeta.path("apiVersion").asText())
                    .put("kind", kind);
            object.setAll(message(raw, fields, kind));
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed protobuf body: " + e.getMessage(), e);
        }
    }

    private static ObjectNode message(byte[] bytes, Map<Integer, Field> fields, String where) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int number = WireFormat.getTagFieldNumber(tag);
            Field field = fields.get(number);
            if (field == null) {
                skipEmpty(in, tag, where + " field " + number);
                continue;
            }
            switch (field.kind()) {
                case STRING -> putIfNotEmpty(out, field.name(), in.readStringRequireUtf8());
                case BYTES -> putIfNotEmpty(out, field.name(), Base64.getEncoder().encodeToString(in.readByteArray()));
                case INT64 -> {
                    long n = in.readInt64();
                    if (n != 0) {
                        out.put(field.name(), n);
                    }
                }
                case BOOL -> {
                    if (in.readBool()) {
                        out.put(field.name(), true);
                    }
                }
                case STRINGS -> out.withArray(field.name()).add(in.readStringRequireUtf8());
                case MAP_STRING, MAP_BYTES -> entry(in.readByteArray(), field.kind() == Kind.MAP_BYTES,
                        out.withObjectProperty(field.name()));
                case MESSAGE -> {
                    ObjectNode child = message(in.readByteArray(), field.message(), where + "." + field.name());
                    if (!child.isEmpty()) {
                        out.set(field.name(), child);
                    }
                }
            }
        }
        return out;
    }

    /** A map entry: 1 key, 2 value. */
    private static void entry(byte[] bytes, boolean binary, ObjectNode map) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String key = "";
        String value = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> key = in.readStringRequireUtf8();
                case 2 -> value = binary ? Base64.getEncoder().encodeToString(in.readByteArray())
                        : in.readStringRequireUtf8();
                default -> in.skipField(tag);
            }
        }
        map.put(key, value);
    }

    /** Go's generated code writes every non-pointer field, empty or not; an empty one unknown here means nothing. */
    private static void skipEmpty(CodedInputStream in, int tag, String what) throws IOException {
        boolean empty = switch (WireFormat.getTagWireType(tag)) {
            case WireFormat.WIRETYPE_VARINT -> in.readInt64() == 0;
            case WireFormat.WIRETYPE_LENGTH_DELIMITED -> in.readByteArray().length == 0;
            default -> false;
        };
        if (!empty) {
            throw new IllegalArgumentException("the sandbox cannot read" + what + " of this protobuf body; send JSON");
        }
    }

    private static void putIfNotEmpty(ObjectNode out, String name, String value) {
        if (!value.isEmpty()) {
            out.put(name, value);
        }
    }

    static byte[] jsonBytes(ObjectNode object) {
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }
}
