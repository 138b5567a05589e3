package dev.loraoperator.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures: JSON trees written with single quotes for readability, and resource texts. */
final class Trees {

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);

    private Trees() {
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    /** A config that passes every rule unchanged. */
    static ObjectNode valid() {
        return tree("""
                {'job': 'extension',
                 'config': {'name': 'my_lora',
                   'process': [{'type': 'sd_trainer',
                     'training_folder': '/app/ai-toolkit/output',
                     'datasets': [{'folder_path': '/app/ai-toolkit/datasets/faces', 'caption_ext': 'txt'}],
                     'model': {'name_or_path': 'black-forest-labs/FLUX.1-dev', 'quantize': true}}]},
                 'meta': {'name': '[name]'}}""");
    }

    /** The first (and in the fixtures only) process entry of a config. */
    static ObjectNode process(ObjectNode config) {
        return (ObjectNode) config.get("config").get("process").get(0);
    }

    static String resource(String name) {
        try (InputStream in = Trees.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
