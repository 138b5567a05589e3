package dev.loraoperator.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Lets the Kubernetes client read every resource the API server accepts, so that no resource's content can fail
 * the informer's list or watch (which would stop the operator for every other resource).
 */
@Singleton
public class LenientResourceReading implements KubernetesClientObjectMapperCustomizer {
    /**
     * The API server decodes JSON with Go's limit of 10,000 nesting levels per object; a list or a watch event wraps
     * an object in a few more. Jackson's default (1,000) would reject objects the API server stores. (Deep spec
     * configs are then set aside by LoraTrainingJobSpec, so the operator never writes such depths back.)
     */
    public static final int MAX_NESTING_DEPTH = 10_100;

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Applies the lenient settings; public so tests read resources exactly as the operator does. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
        // A field added by a newer CRD version is not this version's business; it must not fail the resource.
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        // A status word a newer operator version wrote (a downgrade keeps the newer CRD) reads as absent; the
        // reconciler treats an unreadable submission state as uncertain, never as "not submitted".
        mapper.configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true);
        return mapper;
    }
}
